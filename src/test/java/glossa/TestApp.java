package glossa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real Glossa server for one test: random port, its own in-memory H2 database, a corpus folder of
 * the test's choosing. Talk to it over HTTP with {@link #get}.
 */
public final class TestApp implements AutoCloseable {

    /** The project's corpus folder; tests run with the project root as working directory. */
    public static final Path PROJECT_CORPUS = Path.of("corpus");

    private final Path tempDir;
    private final App app;
    private final String dbUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
        return start(corpus, clock, "jdbc:h2:mem:glossa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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
        return "jdbc:h2:mem:glossa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static TestApp start(Path corpus, Clock clock, String dbUrl, String baseUrl, List<String> trustedProxies, int writesPerMinute) {
        try {
            Path temp = Files.createTempDirectory("glossa-test");
            App app = App.create(new Config(0, temp, dbUrl, corpus, false, Config.DEFAULT_HOST, baseUrl, trustedProxies,
                    writesPerMinute), clock).start();
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
