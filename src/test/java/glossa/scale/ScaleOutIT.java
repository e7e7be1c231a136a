package glossa.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glossa.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Several servers on one database behave as one site. The first test runs on H2 too (two servers in
 * this JVM on one in-memory database); the start-up race and the lost database need a database
 * server that several processes reach over the network, so they run in the PostgreSQL run only.
 */
class ScaleOutIT {

    private static final String SLUG = "breaking-from-stalinism";
    private static final String QUOTE = "I was first drawn to Stalinism through internet meme culture.";
    private static final Duration FOLLOW = Duration.ofSeconds(2);

    @Test
    void aNoteWrittenOnOneServerShowsOnTheOthersPageAndSearchWithinTwoSeconds() throws Exception {
        String db = TestApp.freshDb("scale");
        try (TestApp a = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db);
                TestApp b = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db)) {
            assertFalse(
                    b.get("/essays/" + SLUG).body().contains("zyxquorum"),
                    "B has read the page before the note exists");
            assertFalse(b.get("/search?q=zyxquorum").body().contains("zyxquorum marginalia"));
            String token = a.apiToken("anna");
            HttpResponse<String> created = a.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/api/annotations/"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/ld+json")
                    .POST(HttpRequest.BodyPublishers.ofString(note(a.baseUrl(), QUOTE, "zyxquorum marginalia")))
                    .build());
            assertEquals(201, created.statusCode(), created.body());
            long written = System.nanoTime();
            assertWithin(
                    FOLLOW,
                    written,
                    () -> b.get("/essays/" + SLUG).body().contains("zyxquorum marginalia"),
                    "B's essay page");
            assertWithin(
                    FOLLOW,
                    written,
                    () -> b.get("/search?q=" + URLEncoder.encode("zyxquorum", StandardCharsets.UTF_8))
                            .body()
                            .contains("marginalia"),
                    "B's search");
        }
    }

    @Test
    void twoServersStartingTogetherImportTheCorpusOnce() throws Exception {
        assumeTrue(TestApp.postgres() != null, "PostgreSQL run only: H2 in memory lives in one process");
        String db = TestApp.freshDb("together");
        CompletableFuture<TestApp> first =
                CompletableFuture.supplyAsync(() -> TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db));
        CompletableFuture<TestApp> second =
                CompletableFuture.supplyAsync(() -> TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db));
        try (TestApp a = first.get();
                TestApp b = second.get()) {
            int addedA = a.app().startupImport().orElseThrow().added().size();
            int addedB = b.app().startupImport().orElseThrow().added().size();
            assertEquals(5, addedA + addedB, "one server added the five essays, the other found them there");
            assertTrue(addedA == 0 || addedB == 0, "not split between them: " + addedA + " and " + addedB);
            assertEquals(5, count(db, "SELECT COUNT(*) FROM essay_revision"));
            long claims = count(db, "SELECT COUNT(*) FROM claim");
            long links = count(db, "SELECT COUNT(*) FROM passage_link");
            assertTrue(claims > 0 && links > 0, "starter content imported");
            // A third server, started alone, adds nothing either: the counts are those of one import.
            try (TestApp c = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db)) {
                assertEquals(List.of(), c.app().startupImport().orElseThrow().added());
                assertEquals(claims, count(db, "SELECT COUNT(*) FROM claim"));
                assertEquals(links, count(db, "SELECT COUNT(*) FROM passage_link"));
            }
            assertEquals(200, b.get("/essays/" + SLUG).statusCode());
        }
    }

    @Test
    void aServerThatLosesTheDatabaseAnswers503AndRecoversWhenItReturns() throws Exception {
        String pg = TestApp.postgres();
        assumeTrue(pg != null, "PostgreSQL run only: the database must be a server to take away");
        String db = TestApp.freshDb("lost");
        URI server = URI.create(pg.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
            String viaProxy = db.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), viaProxy)) {
                assertEquals(200, app.get("/healthz").statusCode());
                proxy.cut();
                assertEquals(503, app.get("/healthz").statusCode());
                assertTrue(
                        app.get("/essays/" + SLUG).statusCode() >= 500,
                        "pages fail plainly while the database is away");
                proxy.restore();
                assertWithin(
                        Duration.ofSeconds(15),
                        System.nanoTime(),
                        () -> app.get("/healthz").statusCode() == 200,
                        "healthz back");
                assertEquals(200, app.get("/essays/" + SLUG).statusCode());
            }
        }
    }

    private static void assertWithin(Duration limit, long since, BooleanSupplier condition, String what)
            throws InterruptedException {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - since > limit.toNanos()) {
                throw new AssertionError(what + " did not follow within " + limit.toMillis() + " ms");
            }
            Thread.sleep(50);
        }
    }

    private static long count(String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String note(String base, String exact, String body) {
        return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"motivation\":\"commenting\","
                + "\"body\":[{\"type\":\"TextualBody\",\"value\":\"" + body + "\",\"format\":\"text/markdown\"}],"
                + "\"target\":{\"source\":\"" + base + "/essays/" + SLUG + "\",\"selector\":["
                + "{\"type\":\"TextQuoteSelector\",\"exact\":\"" + exact + "\"}]}}";
    }
}
