package glossa.storage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An exact copy of everything Glossa keeps, as one JSON document, and its way back into an empty
 * database. It is logical (rows, not files), so a backup of H2 restores into PostgreSQL and back, and
 * it keeps every id, so links, IRIs and history stay what they were. Tables are found from the schema
 * and written parents first (by their foreign keys), so a table added by a later migration is
 * included without changing this class.
 *
 * <p>Left out on purpose: sign-in sessions and recent sign-in failures (short-lived; readers sign in
 * again) and Flyway's own history (the target database has it from its migrations).
 *
 * <p>The rows are read in one transaction at REPEATABLE READ, so a backup taken while the server
 * writes is a consistent snapshot.
 */
public final class Backup {

    /** Identifies the document; {@link #FORMAT_VERSION} changes if its shape ever does. */
    static final String FORMAT = "glossa-backup";

    static final int FORMAT_VERSION = 1;
    /** Transient state: sessions, throttling, the change log servers follow, write allowances. */
    private static final Set<String> LEFT_OUT =
            Set.of("flyway_schema_history", "user_session", "signin_failure", "change_log", "write_bucket");

    /** What a backup or restore did, for the command's one-line report. */
    public record Summary(int tables, long rows) {}

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public Backup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary write(OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<String> tables = Tables.tablesParentsFirst(c, LEFT_OUT);
            long rows = 0;
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", FORMAT_VERSION);
                g.writeObjectFieldStart("tables");
                for (String table : tables) {
                    rows += writeTable(c, table, g);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            c.commit();
            return new Summary(tables.size(), rows);
        } catch (SQLException e) {
            throw new DataAccessException("backup", e);
        }
    }

    private static long writeTable(Connection c, String table, JsonGenerator g) throws SQLException, IOException {
        long count = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + Tables.orderBy(c, table))) {
            ResultSetMetaData meta = rs.getMetaData();
            g.writeObjectFieldStart(table);
            g.writeArrayFieldStart("columns");
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                g.writeString(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            while (rs.next()) {
                g.writeStartArray();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    writeValue(rs, i, meta, g);
                }
                g.writeEndArray();
                count++;
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return count;
    }

    private static void writeValue(ResultSet rs, int i, ResultSetMetaData meta, JsonGenerator g)
            throws SQLException, IOException {
        if (isTimestamp(meta.getColumnType(i), meta.getColumnTypeName(i))) {
            OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
            if (t == null) {
                g.writeNull();
            } else {
                g.writeString(t.toInstant().toString());
            }
            return;
        }
        Object v = rs.getObject(i);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof byte[] bytes) {
            g.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof java.sql.Blob blob) {
            g.writeString(Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length())));
        } else if (v instanceof java.sql.Clob clob) {
            g.writeString(clob.getSubString(1, (int) clob.length()));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Puts a backup into a database that has its schema (migrated) and no content yet; refuses one that
     * has any, since ids would collide. All or nothing: one transaction.
     */
    public Summary restore(InputStream in) throws IOException {
        JsonNode doc = json.readTree(in);
        if (!FORMAT.equals(doc.path("format").asText()) || doc.path("version").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "not a Glossa backup (format " + FORMAT + ", version " + FORMAT_VERSION + ")");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> tables = Tables.tablesParentsFirst(c, LEFT_OUT);
                for (String table : tables) {
                    if (hasRows(c, table)) {
                        throw new IllegalStateException("the database already holds data (table " + table
                                + "); restore into a new, empty data directory or database");
                    }
                }
                long rows = 0;
                JsonNode saved = doc.path("tables");
                for (String table : tables) {
                    if (saved.has(table)) {
                        rows += restoreTable(c, table, saved.get(table));
                    }
                }
                for (String table : tables) {
                    restartIdentity(c, table);
                }
                c.commit();
                return new Summary(tables.size(), rows);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("restore", e);
        }
    }

    private static long restoreTable(Connection c, String table, JsonNode saved) throws SQLException {
        Map<String, Integer> types = Tables.columnTypes(c, table);
        List<String> columns = new ArrayList<>();
        saved.path("columns").forEach(col -> columns.add(col.asText()));
        for (String col : columns) {
            if (!types.containsKey(col)) {
                throw new IllegalArgumentException(
                        "the backup's table " + table + " has a column " + col + " this database lacks");
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        long count = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (JsonNode row : saved.path("rows")) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(ps, i + 1, types.get(columns.get(i)), row.get(i));
                }
                ps.addBatch();
                if (++count % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return count;
    }

    private static void bind(PreparedStatement ps, int i, int type, JsonNode v) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setNull(i, type);
        } else if (type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP) {
            ps.setObject(i, OffsetDateTime.parse(v.asText().replace("Z", "+00:00")));
        } else if (type == Types.BINARY
                || type == Types.VARBINARY
                || type == Types.LONGVARBINARY
                || type == Types.BLOB) {
            ps.setBytes(i, Base64.getDecoder().decode(v.asText()));
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
            ps.setBoolean(i, v.asBoolean());
        } else if (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT) {
            ps.setInt(i, v.asInt());
        } else if (type == Types.BIGINT) {
            ps.setLong(i, v.asLong());
        } else if (v.isNumber()) {
            ps.setBigDecimal(i, v.decimalValue());
        } else {
            ps.setString(i, v.asText());
        }
    }

    /** The next generated id follows the highest restored one, so no id is ever handed out twice. */
    private static void restartIdentity(Connection c, String table) throws SQLException {
        if (!Tables.columnTypes(c, table).containsKey("id") || !Tables.isIdentity(c, table)) {
            return;
        }
        long next;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static boolean isTimestamp(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP || name.startsWith("timestamp");
    }
}
