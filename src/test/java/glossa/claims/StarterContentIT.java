package glossa.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.anchoring.CodePointText;
import glossa.anchoring.QuoteFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The starter claims and links ship verbatim quotes that anchor exactly, and show on a fresh start. */
class StarterContentIT {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String[]> rows(String file) throws IOException {
        return Files.readAllLines(Path.of("corpus", file)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .toList();
    }

    private static void assertExactlyOnce(String slug, String words) {
        String text = app.get("/essays/" + slug + ".txt").body();
        assertEquals(1, QuoteFinder.find(new CodePointText(text), words).size(), slug + ": \u201c" + words + "\u201d");
    }

    @Test
    void everyStarterQuoteIsVerbatimAndAnchorsToExactlyOnePassage() throws IOException {
        List<String[]> passages = rows("claim-passages.tsv");
        List<String[]> links = rows("links.tsv");
        assertTrue(links.size() >= 15, "at least 15 links");
        for (String[] p : passages) {
            assertExactlyOnce(p[1], p[3]);
        }
        for (String[] l : links) {
            assertExactlyOnce(l[0], l[1]);
            assertExactlyOnce(l[3], l[4]);
        }
        String json = app.get("/api/annotations/").body();
        assertTrue(json.contains("\"total\""));
    }

    @Test
    void theClaimsGatherTheirAccountsFromSeveralEssays() {
        Document list = Jsoup.parse(app.get("/claims").body());
        assertTrue(list.select(".claim-list .essay-card").size() >= 5);
        Document october = Jsoup.parse(app.get("/claims/october-1917").body());
        assertTrue(october.select(".account-column").size() >= 3, "1917 told by at least three essays");
        Document abortion = Jsoup.parse(app.get("/claims/abortion-ban-1936").body());
        assertTrue(abortion.select(".account-column").size() >= 3, "the abortion ban told by at least three essays");
        assertTrue(
                abortion.select(".account-quote").stream()
                        .noneMatch(q -> q.parent().select(".orphan-flag").size() > 0),
                "all anchored");
        assertNotNull(abortion.selectFirst(".silent"), "essays that are silent are named");
    }

    @Test
    void theMarginOfTheEssayOnLeavingStalinismShowsItsAbortionPassageLinkedToOtherAccounts() {
        Document page = Jsoup.parse(app.get("/essays/breaking-from-stalinism").body());
        List<Element> links = page.select("#essay-text li.connection.link");
        assertTrue(
                links.stream()
                        .anyMatch(li -> li.text().contains("Stalinism’s long shadow")
                                && li.text().toLowerCase().contains("disputed")),
                page.select("#essay-text li.connection").eachText().toString());
        assertTrue(links.stream().anyMatch(li -> li.text().contains("How Stalinism distorted Marxism")));
        Element follow = links.get(0).selectFirst("a.follow");
        assertTrue(follow.attr("href").contains("?from=breaking-from-stalinism&back="), follow.attr("href"));
        assertNotNull(page.selectFirst("#connections"), "the Connections panel");
        assertTrue(
                page.select("#essay-text li.connection.claim a[href=/claims/abortion-ban-1936]")
                                .size()
                        > 0,
                "and its claim page");
    }

    @Test
    void theSynopsisHasARowPerClaimAndAColumnPerEssay() {
        Document doc = Jsoup.parse(app.get("/synopsis").body());
        assertEquals(
                5, doc.select("table.synopsis thead th[scope=col]").size() - 1, "five essays, after the claim column");
        assertTrue(doc.select("table.synopsis tbody tr").size() >= 5);
        assertTrue(doc.select("td.silent-cell").size() > 0, "empty cells show silence");
    }

    @Test
    void restartingDoesNotImportTheStarterContentTwice() {
        int before = Jsoup.parse(app.get("/claims/october-1917").body())
                .select(".account")
                .size();
        try (TestApp again = TestApp.start(TestApp.PROJECT_CORPUS, java.time.Clock.systemUTC(), app.dbUrl())) {
            assertEquals(
                    before,
                    Jsoup.parse(again.get("/claims/october-1917").body())
                            .select(".account")
                            .size());
        }
    }
}
