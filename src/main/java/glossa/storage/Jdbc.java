package glossa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A thin helper over JDBC: bound parameters only, connections always returned to the pool, and
 * {@link SQLException} rethrown unchecked with the statement that failed. Inside {@link #inTransaction}
 * every call made through the handed-in {@code Jdbc} shares one connection.
 */
public final class Jdbc {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Work done inside one transaction. It may throw a checked exception of its own ({@code E}, e.g. a
     * rejection found half-way, such as a stale version): the transaction is then rolled back, so a
     * refused request changes nothing, and the exception passes through unchanged.
     */
    @FunctionalInterface
    public interface TransactionWork<T, E extends Exception> {
        T run(Jdbc tx) throws SQLException, E;
    }

    private final DataSource dataSource;
    private final Connection shared;
    /** Inside a transaction: work to run just before it commits, by key (each key once, in key order). */
    private final java.util.TreeMap<String, java.util.function.Consumer<Jdbc>> beforeCommit = new java.util.TreeMap<>();
    /** Commits that ran before-commit work, shared by this pool's transactions: see {@link #orderedCommits()}. */
    private final java.util.concurrent.atomic.AtomicLong orderedCommits;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        this.shared = null;
        this.orderedCommits = new java.util.concurrent.atomic.AtomicLong();
    }

    private Jdbc(Connection shared, java.util.concurrent.atomic.AtomicLong orderedCommits) {
        this.dataSource = null;
        this.shared = shared;
        this.orderedCommits = orderedCommits;
    }

    /**
     * How many writes through this pool have committed before-commit work ({@link #beforeCommit}: the
     * page version counters), counted after each commit. Memos of what those writes change are good
     * while it stays the same: read it before reading the rows, and a write committed in between shows
     * as a changed count at the next look.
     */
    public long orderedCommits() {
        return orderedCommits.get();
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, params);
                    ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    /** Runs an INSERT and returns the generated key of column {@code keyColumn}. */
    public long insert(String sql, String keyColumn, Object... params) {
        return withConnection(sql, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {keyColumn})) {
                bind(ps, params);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated key returned");
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Column names and their values, in order, for {@link #insertRow}: each value stands next to its
     * column instead of at a numbered position. Names come from the code, never from input.
     */
    public static final class Columns {
        private final java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();

        public Columns put(String column, Object value) {
            if (!column.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
            values.put(column, value);
            return this;
        }
    }

    /** Inserts one row into {@code table} (a name from the code) and returns its generated {@code keyColumn}. */
    public long insertRow(String table, Columns row, String keyColumn) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", row.values.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(row.values.size(), "?")) + ")";
        return insert(sql, keyColumn, row.values.values().toArray());
    }

    /** How many values one statement of {@link #queryIn} binds: PostgreSQL takes at most 32,767 parameters a statement. */
    public static final int IN_CHUNK = 1_000;

    /**
     * Runs {@code sqlWithIn}, which has one {@code %s} where the list goes, for every chunk of
     * {@code values}, each bound as a parameter, and collects the rows.
     */
    public <T> List<T> queryIn(String sqlWithIn, List<?> values, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            rows.addAll(query(String.format(sqlWithIn, marks), mapper, chunk.toArray()));
        }
        return rows;
    }

    public <T, E extends Exception> T inTransaction(TransactionWork<T, E> work) throws E {
        if (shared != null) {
            try {
                return work.run(this);
            } catch (SQLException e) {
                throw new DataAccessException("transaction", e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Jdbc tx = new Jdbc(c, orderedCommits);
                T result = work.run(tx);
                boolean ordered = tx.runBeforeCommit();
                c.commit();
                if (ordered) {
                    orderedCommits.incrementAndGet();
                }
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException("transaction failed", e);
        }
    }

    /**
     * Runs {@code action} just before this transaction commits, once per {@code key} however often asked,
     * keys in ascending order; outside a transaction, at once. Rows that many transactions bump (the page
     * version counters) are thus locked last, briefly, and always in the same order, so two transactions
     * never wait on each other's counters in opposite orders.
     */
    public void beforeCommit(String key, java.util.function.Consumer<Jdbc> action) {
        if (shared == null) {
            action.accept(this);
            orderedCommits.incrementAndGet();
        } else {
            beforeCommit.putIfAbsent(key, action);
        }
    }

    /** Runs the queued before-commit work; true if there was any. */
    private boolean runBeforeCommit() {
        boolean any = !beforeCommit.isEmpty();
        while (!beforeCommit.isEmpty()) {
            beforeCommit.pollFirstEntry().getValue().accept(this);
        }
        return any;
    }

    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    private <T> T withConnection(String sql, ConnectionWork<T> work) {
        if (shared != null) {
            return call(sql, () -> work.run(shared));
        }
        return call(sql, () -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            }
        });
    }

    private static <T> T call(String what, SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new DataAccessException(what, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, Statement.NO_GENERATED_KEYS);
        bind(ps, params);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i] instanceof String text ? withoutNul(text) : params[i]);
        }
    }

    /**
     * PostgreSQL cannot carry U+0000 in a text value at all (H2 can), so a lookup such as
     * {@code ?essay=%00} would fail there as a server error. Writes refuse control characters before
     * they get here (forms by the NUL filter, notes and tags by their validators), so nothing stored
     * holds a NUL, and a looked-up value that holds one matches nothing: with U+FFFD in its place it
     * still matches nothing, the same on both databases.
     */
    private static String withoutNul(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }
}
