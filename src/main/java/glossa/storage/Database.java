package glossa.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and the schema. The schema changes only through Flyway migrations in
 * {@code db/migration}; SQL there and in the repositories is kept to what H2 and PostgreSQL share.
 */
public final class Database implements AutoCloseable {

    private static final int MAX_POOL_SIZE = 10;
    private static final int MIN_IDLE = 2;
    /**
     * How long a request waits for a connection before failing (Hikari's default is 30 s): with the
     * database away, /healthz answers 503 within this, and pages fail fast instead of piling up.
     */
    private static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final HikariDataSource dataSource;
    /** One per pool, so that every part counts the same commits ({@link Jdbc#orderedCommits}). */
    private final Jdbc jdbc;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setPoolName("glossa");
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // Each server opens few connections at start, more only under load: several servers share one PostgreSQL.
        config.setMinimumIdle(MIN_IDLE);
        HikariDataSource ds = new HikariDataSource(config);
        try (StartupLock lock = StartupLock.acquire(ds)) {
            // Shared migrations, then the few that each database writes in its own dialect (the change-log triggers).
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(ds))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /**
     * An H2 file database left to itself writes committed transactions to its file up to half a second
     * later (its WRITE_DELAY), so a process killed in that window loses writes that were already
     * acknowledged, and hands their ids out again. With a delay of 0 every commit reaches the file (the
     * operating system's cache, which survives the process) before the request is answered. An
     * explicit WRITE_DELAY in the URL wins; other databases are left as they are.
     *
     * <p>H2 also closes a file database from a JVM shutdown hook of its own, which can run while the
     * server is still finishing requests after SIGTERM; the server closes the pool itself once the
     * last request is answered, so H2's hook is turned off.
     */
    static String durable(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        String url = jdbcUrl;
        if (!upper.contains(";WRITE_DELAY=")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            url += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        return url;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The folder of migrations written in this database's own dialect: {@code h2} or {@code postgresql}. */
    private static String vendor(DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.equals("PostgreSQL")) {
                return "postgresql";
            }
            if (product.equals("H2")) {
                return "h2";
            }
            throw new IllegalStateException("Glossa runs on H2 or PostgreSQL, not " + product);
        } catch (java.sql.SQLException e) {
            throw new DataAccessException("reading the database's name", e);
        }
    }

    /** Held by a starting server around its corpus import; see {@link StartupLock}. */
    public StartupLock startupLock() {
        return StartupLock.acquire(dataSource);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
