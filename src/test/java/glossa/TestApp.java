package glossa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Glossa server for one test: random port, its own database, a corpus folder of the test's
 * choosing. Talk to it over HTTP with {@link #get}. The database is an in-memory H2 one, or, when the
 * system property {@value #POSTGRES_PROPERTY} gives a PostgreSQL JDBC URL (bin/test's second run),
 * a schema of its own on that server.
 */
public final class TestApp implements AutoCloseable {

    /** The project's corpus folder; tests run with the project root as working directory. */
    public static final Path PROJECT_CORPUS = Path.of("corpus");
    /** The password members made by {@link #member} and {@link #apiToken} have. */
    public static final String PASSWORD = "correct horse battery";
    /** Names a PostgreSQL JDBC URL (a superuser's) to run the tests on instead of H2. */
    public static final String POSTGRES_PROPERTY = "glossa.test.postgres";

    private final Path tempDir;
    private final App app;
    private final String dbUrl;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestApp(Path tempDir, App app, String dbUrl) {
        this.tempDir = tempDir;
        this.app = app;
        this.dbUrl = dbUrl;
    }

    /** A server with the project's five essays. */
    public static TestApp withProjectCorpus() {
        return start(PROJECT_CORPUS, Clock.systemUTC());
    }

    public static TestApp start(Path corpus, Clock clock) {
        return start(corpus, clock, freshDb("glossa"));
    }

    /** A server on a database of the test's choosing, e.g. one a previous server used. */
    public static TestApp start(Path corpus, Clock clock, String dbUrl) {
        return start(corpus, clock, dbUrl, null, List.of(), Config.DEFAULT_WRITES_PER_MINUTE);
    }

    /** A server with its own in-memory database, a configured base URL (or null) and trusted proxies. */
    public static TestApp start(Path corpus, Clock clock, String baseUrl, List<String> trustedProxies) {
        return start(corpus, clock, memoryDb(), baseUrl, trustedProxies, Config.DEFAULT_WRITES_PER_MINUTE);
    }

    /** A server whose accounts may write only {@code writesPerMinute} times a minute (0: no limit). */
    public static TestApp withWriteLimit(Path corpus, int writesPerMinute) {
        return start(corpus, Clock.systemUTC(), memoryDb(), null, List.of(), writesPerMinute);
    }

    private static String memoryDb() {
        return freshDb("glossa");
    }

    /** The PostgreSQL server the integration tests run on, or null for H2. */
    public static String postgres() {
        String url = System.getProperty(POSTGRES_PROPERTY);
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * A new, empty database that stays until the test run ends: an in-memory H2 database named after
     * {@code prefix}, or a new schema on the PostgreSQL server of {@link #postgres()} (a schema is made in
     * a millisecond, a database in a tenth of a second).
     */
    public static String freshDb(String prefix) {
        String pg = postgres();
        if (pg == null) {
            return "jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        String schema = "t_" + prefix.replaceAll("[^a-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(pg);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a schema on " + pg, e);
        }
        return pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static TestApp start(
            Path corpus, Clock clock, String dbUrl, String baseUrl, List<String> trustedProxies, int writesPerMinute) {
        try {
            Path temp = Files.createTempDirectory("glossa-test");
            App app = App.create(
                            new Config(
                                    0,
                                    temp,
                                    dbUrl,
                                    corpus,
                                    false,
                                    Config.DEFAULT_HOST,
                                    baseUrl,
                                    trustedProxies,
                                    writesPerMinute),
                            clock)
                    .start();
            return new TestApp(temp, app, dbUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String dbUrl() {
        return dbUrl;
    }

    /** A client with its own cookie jar, like one browser. */
    public WebClient client() {
        return new WebClient(baseUrl());
    }

    /** A client that has signed up as {@code name} (password {@link #PASSWORD}) and is signed in. */
    public WebClient member(String name) {
        WebClient c = client();
        HttpResponse<String> res = c.signUp(name, PASSWORD);
        if (res.statusCode() != 303) {
            throw new AssertionError("sign-up of " + name + " refused: " + res.statusCode() + " " + res.body());
        }
        return c;
    }

    /** Signs up {@code name} (password {@link #PASSWORD}) and returns a new API token of theirs. */
    public String apiToken(String name) {
        WebClient c = client();
        c.signUp(name, PASSWORD);
        return org.jsoup.Jsoup.parse(c.submit("/users/" + name, "/account/tokens", java.util.Map.of("name", "t"))
                        .body())
                .selectFirst("code.token")
                .text();
    }

    public App app() {
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        deleteRecursively(tempDir);
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
