package glossa.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Serialises start-up work (migrations, corpus import, starter content) among servers starting on one
 * PostgreSQL database at the same moment, so that the corpus is imported once: a session-level
 * advisory lock, keyed by the schema, held on one connection until {@link #close()}. The second server
 * waits, then finds everything imported and imports nothing.
 *
 * <p>On H2 this is a no-op: an H2 file database is opened by one process only, and an in-memory one
 * lives inside one process.
 */
public final class StartupLock implements AutoCloseable {

    private static final String KEY = "hashtext('glossa-startup:' || current_schema())";

    private final Connection held;

    private StartupLock(Connection held) {
        this.held = held;
    }

    /** Waits for the lock (as long as the server holding it takes). */
    public static StartupLock acquire(DataSource dataSource) {
        try {
            Connection c = dataSource.getConnection();
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                c.close();
                return new StartupLock(null);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(" + KEY + ")");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new StartupLock(c);
        } catch (SQLException e) {
            throw new DataAccessException("start-up lock", e);
        }
    }

    @Override
    public void close() {
        if (held == null) {
            return;
        }
        try (Connection c = held;
                PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
            ps.executeQuery().close();
        } catch (SQLException e) {
            // Closing the session releases the lock anyway; nothing is lost.
            throw new DataAccessException("start-up unlock", e);
        }
    }
}
