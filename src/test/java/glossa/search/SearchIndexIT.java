package glossa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.App;
import glossa.Config;
import glossa.TestApp;
import glossa.WebClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The index on disk: kept across restarts, rebuilt when unreadable or of another schema, shared database across servers. */
class SearchIndexIT {

    private static final long FRESH_WITHIN_MS = 5_000;

    private Path dataA;
    private Path dataB;
    private String dbUrl;

    @BeforeEach
    void dirs() throws Exception {
        dataA = Files.createTempDirectory("glossa-a");
        dataB = Files.createTempDirectory("glossa-b");
        dbUrl = glossa.TestApp.freshDb("search");
    }

    @AfterEach
    void clean() {
        TestApp.deleteRecursively(dataA);
        TestApp.deleteRecursively(dataB);
    }

    private App server(Path data) {
        return App.create(new Config(0, data, dbUrl, TestApp.PROJECT_CORPUS, false), Clock.systemUTC())
                .start();
    }

    private static int hits(App app, String q) {
        try {
            HttpResponse<String> res = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/search?q=" + q))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            return Jsoup.parse(res.body()).select("li.search-hit").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void eventually(App app, String q, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + FRESH_WITHIN_MS;
        while (hits(app, q) != expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(
                        q + ": expected " + expected + " hits within " + FRESH_WITHIN_MS + " ms, got " + hits(app, q));
            }
            Thread.sleep(50);
        }
    }

    private static void note(App app, String body) {
        WebClient anna = client(app);
        if (anna.signIn("Anna", "correct horse battery").statusCode() != 303) {
            anna.signUp("Anna", "correct horse battery");
        }
        HttpResponse<String> res = anna.submit(
                "/essays/breaking-from-stalinism/annotate",
                "/essays/breaking-from-stalinism/annotations",
                Map.of("exact", "women’s delegates", "body", body, "tags", "", "kind", "comment"));
        assertEquals(303, res.statusCode(), res.body());
    }

    @Test
    void aSecondServerOnTheSameDatabaseSeesTheFirstOnesWrites() throws Exception {
        try (App a = server(dataA);
                App b = server(dataB)) {
            note(a, "Written on server A about kohlrabi.");
            eventually(a, "kohlrabi", 1);
            eventually(b, "kohlrabi", 1);
        }
    }

    @Test
    void aRestartContinuesFromTheCommittedIndexAndCatchesUpOnWritesMadeMeanwhile() throws Exception {
        try (App a = server(dataA)) {
            note(a, "Before the restart: parsnip.");
            eventually(a, "parsnip", 1);
        }
        try (App other = server(dataB)) {
            note(other, "While A was down: salsify.");
        }
        try (App a = server(dataA)) {
            assertEquals(1, hits(a, "parsnip"));
            eventually(a, "salsify", 1);
        }
    }

    @Test
    void anUnreadableIndexIsRebuiltNotFatal() throws Exception {
        try (App a = server(dataA)) {
            note(a, "Survives corruption: celeriac.");
            eventually(a, "celeriac", 1);
        }
        try (Stream<Path> files = Files.list(dataA.resolve("search-index"))) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        try (App a = server(dataA)) {
            assertEquals(1, hits(a, "celeriac"));
            assertTrue(hits(a, "abortion") > 0);
        }
    }

    @Test
    void anIndexOfAnotherSchemaVersionIsRebuilt() throws Exception {
        Path dir = dataA.resolve("search-index");
        Files.createDirectories(dir);
        try (var d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            Document stale = new Document();
            stale.add(new StringField("text", "stale", Field.Store.YES));
            w.addDocument(stale);
            w.setLiveCommitData(Map.of(SearchIndex.SCHEMA_KEY, "0", SearchIndex.DATABASE_KEY, dbUrl)
                    .entrySet());
            w.commit();
        }
        try (App a = server(dataA)) {
            assertTrue(hits(a, "abortion") > 0, "built from the database");
            assertEquals(0, hits(a, "stale"));
        }
    }

    @Test
    void reindexRebuildsFromTheDatabase() throws Exception {
        try (App a = server(dataA)) {
            note(a, "Reindexed: samphire.");
            eventually(a, "samphire", 1);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(newMain())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute("reindex", "--db-url", dbUrl, "--data-dir", dataA.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("Search index rebuilt"), out.toString());
        try (App a = server(dataA)) {
            assertEquals(1, hits(a, "samphire"));
        }
    }

    /** A cookie-keeping client for a server this test started itself (not through {@link TestApp}). */
    private static WebClient client(App app) {
        try {
            var c = WebClient.class.getDeclaredConstructor(String.class);
            c.setAccessible(true);
            return c.newInstance("http://localhost:" + app.port());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object newMain() throws Exception {
        var c = Class.forName("glossa.Main").getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }
}
