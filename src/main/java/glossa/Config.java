package glossa;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the application needs to know about where it runs. Built from command-line flags and
 * environment variables by {@link Main}, or directly by tests.
 *
 * @param port TCP port to listen on; 0 picks a free port (tests)
 * @param dataDir directory for the H2 database and other local state
 * @param dbUrl JDBC URL; defaults to an H2 file database inside {@code dataDir}
 * @param corpusDir directory of corpus Markdown files imported at start-up, or null for none
 * @param dev serve templates and static files from disk, uncached, for editing while running
 * @param host the interface to listen on; loopback unless told otherwise, so that a server started
 *     for trying things out is not reachable from the network
 * @param baseUrl the site's public address for absolute IRIs and Location headers, or null for
 *     {@code http://localhost:PORT}
 * @param trustedProxies IP addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
 * @param writesPerMinute how many writes one account (not an admin) may make a minute; 0 for no limit
 */
public record Config(
        int port,
        Path dataDir,
        String dbUrl,
        Path corpusDir,
        boolean dev,
        String host,
        String baseUrl,
        List<String> trustedProxies,
        int writesPerMinute) {

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Far above what a person writes by hand, far below what a runaway script does. */
    public static final int DEFAULT_WRITES_PER_MINUTE = 120;

    /** Loopback, no base URL, no proxies, the default write limit: what tests and commands without a server need. */
    public Config(int port, Path dataDir, String dbUrl, Path corpusDir, boolean dev) {
        this(port, dataDir, dbUrl, corpusDir, dev, DEFAULT_HOST, null, List.of(), DEFAULT_WRITES_PER_MINUTE);
    }

    public Config {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (writesPerMinute < 0) {
            throw new IllegalArgumentException("the write limit must be 0 (no limit) or more, got " + writesPerMinute);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (dbUrl == null || dbUrl.isBlank()) {
            dbUrl = defaultDbUrl(dataDir);
        }
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    /** An H2 file database in the data directory; the path is absolute so the working directory does not matter. */
    public static String defaultDbUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("glossa");
    }

    /** True when the database lives in the data directory, so the directory must be writable. */
    boolean usesDataDirForDatabase() {
        return dbUrl.startsWith("jdbc:h2:file:" + dataDir);
    }
}
