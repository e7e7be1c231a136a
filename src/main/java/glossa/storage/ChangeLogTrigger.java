package glossa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2's row trigger for the change log (migration V24 in {@code db/vendor/h2}): writes one
 * {@code change_log} row per written row, through the writing transaction's own connection, so the
 * entry commits or rolls back with the write. The kind is the table's name in lower case, the
 * reference the row's first column (its id, or for a join table the id it belongs to). PostgreSQL
 * does the same in PL/pgSQL.
 */
public final class ChangeLogTrigger implements Trigger {

    private String kind;

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        kind = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] row = newRow != null ? newRow : oldRow;
        Long ref = row != null && row.length > 0 && row[0] instanceof Number n ? n.longValue() : null;
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO change_log (kind, ref_id) VALUES (?, ?)")) {
            ps.setString(1, kind);
            ps.setObject(2, ref);
            ps.executeUpdate();
        }
    }
}
