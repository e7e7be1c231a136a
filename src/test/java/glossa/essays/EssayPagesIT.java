package glossa.essays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.MutableClock;
import glossa.TestApp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EssayPagesIT {

    static final List<String> SLUGS = List.of(
            "breaking-from-stalinism",
            "how-stalinism-distorted-marxism",
            "living-in-the-shadow-of-stalinism",
            "stalinisms-long-shadow",
            "stalinism-doesnt-equal-socialism");

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theIndexListsEveryEssayWithItsMetadata() {
        HttpResponse<String> res = app.get("/");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document doc = Jsoup.parse(res.body());
        assertEquals(5, doc.select(".essay-card").size());
        for (String slug : SLUGS) {
            assertNotNull(doc.selectFirst("a[href=/essays/" + slug + "]"), slug);
        }
        Element card = doc.selectFirst(".essay-card:has(a[href=/essays/how-stalinism-distorted-marxism])");
        assertEquals("D. Taylor", card.selectFirst(".author").text());
        assertEquals("Red Flag", card.selectFirst(".publication").text());
        assertEquals("5 September 2019", card.selectFirst("time").text());
        assertTrue(card.selectFirst(".words").text().matches("[\\d,]+ words"), card.text());
        assertTrue(card.selectFirst(".reading-time").text().matches("\\d+ min read"), card.text());
    }

    @Test
    void anEssayPageHasTheReadingLayoutFootnotesAndParagraphIds() {
        HttpResponse<String> res = app.get("/essays/stalinisms-long-shadow");
        assertEquals(200, res.statusCode());
        Document doc = Jsoup.parse(res.body());
        assertEquals(
                "Stalinism’s long shadow", doc.selectFirst("h1.essay-title").text());
        assertTrue(doc.selectFirst(".byline").text().contains("Tomáš Tengely-Evans"));
        Element text = doc.selectFirst("#essay-text");
        assertNotNull(text);
        assertNotNull(doc.selectFirst(".reading > aside.margin"), "a margin column beside the text");
        assertTrue(text.select("p[id]").size() > 100, "every paragraph has an id");
        assertNotNull(text.selectFirst("h2#lenin-did-not-lead-to-stalin a.heading-anchor"));
        Element ref = text.selectFirst("sup#fnref-1 a");
        assertEquals("#fn-1", ref.attr("href"));
        assertNotNull(text.selectFirst("section.footnotes li#fn-1 a.footnote-backref[href=#fnref-1]"));
        assertTrue(text.select("blockquote").size() >= 8, "block quotes kept as quotes");
        assertNotNull(
                doc.selectFirst("link[rel=stylesheet][href~=^/assets/css/glossa\\.[0-9a-f]{10}\\.css$]"),
                "the style sheet, under a content-hashed name");
    }

    @Test
    void quotationsKeepTheirAttributions() {
        Document doc = Jsoup.parse(app.get("/essays/breaking-from-stalinism").body());
        List<String> attributions = doc.select("blockquote p.attribution").eachText();
        assertTrue(attributions.contains("— Alexandra Kollontai, “Who Needs the War?”"), attributions.toString());
        assertEquals(6, attributions.size());
    }

    @Test
    void theCanonicalTextIsServedAsPlainText() {
        HttpResponse<String> res = app.get("/essays/stalinisms-long-shadow.txt");
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(res.body().startsWith("Some 30 years ago, the red flag was lowered over the Kremlin"));
        assertTrue(res.body().contains("25 December 1991. Yet, although"), "footnote numbers are not text");
        assertEquals(404, app.get("/essays/no-such-essay.txt").statusCode());
    }

    @Test
    void unknownEssaysAndPathsGetTheNotFoundPage() {
        for (String path : List.of("/essays/no-such-essay", "/nothing/here")) {
            HttpResponse<String> res = app.get(path);
            assertEquals(404, res.statusCode(), path);
            Document doc = Jsoup.parse(res.body());
            assertEquals("Not found", doc.selectFirst("main h1").text());
            assertNotNull(doc.selectFirst("a[href=/]"), "a way back");
        }
    }

    @Test
    void everyPageSendsTheSecurityHeaders() {
        for (String path : List.of("/", "/essays/breaking-from-stalinism", "/no-such-page")) {
            HttpResponse<String> res = app.get(path);
            String csp = res.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertEquals(
                    "nosniff",
                    res.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertTrue(res.headers().firstValue("Referrer-Policy").isPresent());
            assertFalse(res.body().contains("<script>"), "no inline script on " + path);
        }
    }

    @Test
    void staticFilesAreServed() {
        HttpResponse<String> css = app.get("/static/css/glossa.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains(".essay-text"));
        assertEquals(200, app.get("/static/js/canonical.js").statusCode());
        // Only files of the kinds the site serves: not a folder, a missing file or anything outside static/.
        for (String path : List.of("/static/css", "/static/", "/static/css/nope.css", "/static/%2e%2e/pom.xml")) {
            assertEquals(404, app.get(path).statusCode(), path);
        }
    }

    @Test
    void healthReportsOk() {
        HttpResponse<String> res = app.get("/healthz");
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("\"status\":\"ok\""), res.body());
    }

    @Test
    void aFailureGivesTheErrorPageWithoutAStackTrace() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (TestApp broken = TestApp.start(TestApp.PROJECT_CORPUS, clock)) {
            assertEquals(200, broken.get("/").statusCode());
            glossa.AppAccess.closeDatabase(broken.app());
            clock.advance(Duration.ofMinutes(1));
            // The list was built and its stamps remembered before: it is still served from memory.
            assertEquals(200, broken.get("/").statusCode(), "a built page outlives the database");
            HttpResponse<String> res = broken.get("/changes");
            assertEquals(500, res.statusCode());
            assertTrue(res.body().contains("Something went wrong"), res.body());
            assertFalse(res.body().contains("Exception"), "no exception names");
            assertFalse(res.body().contains("at glossa."), "no stack frames");
            assertEquals(503, broken.get("/healthz").statusCode());
        }
    }
}
