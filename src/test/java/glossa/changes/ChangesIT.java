package glossa.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import glossa.editing.CliAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recent changes: every kind of change, newest first, the filters and the paging. */
class ChangesIT {

    static final String ESSAY =
            "---\nslug: an-essay\ntitle: An essay\n---\n\nThe show trials of 1936 to 1938 condemned the old Bolsheviks.\n";
    private Path corpus;
    private TestApp app;

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), ESSAY);
        app = TestApp.withWriteLimit(corpus, 0);
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    private static long note(WebClient who, String exact, String body) {
        return who.note("an-essay", exact, body, "", "comment");
    }

    private List<String> kinds(String query) {
        return Jsoup.parse(app.get("/changes" + query).body())
                .select(".change .change-kind")
                .eachText();
    }

    @Test
    void everyChangeIsListedNewestFirstWithFiltersAndLinks() {
        WebClient anna = app.client();
        anna.signUp("Anna", "correct horse battery");
        long id = note(anna, "condemned the old Bolsheviks", "On the trials.");
        WebClient vera = app.client();
        vera.signUp("Vera", "correct horse battery");
        CliAccess.run(app.dbUrl(), "user", "role", "Vera", "editor");
        assertEquals(
                303,
                vera.submit("/annotations/" + id, "/annotations/" + id + "/replies", Map.of("body", "Agreed."))
                        .statusCode());
        assertEquals(
                303,
                vera.submit(
                                "/essays/an-essay/edit",
                                "/essays/an-essay/edit",
                                Map.of(
                                        "markdown",
                                        ESSAY.replace("show", "Moscow show"),
                                        "summary",
                                        "Which trials",
                                        "base",
                                        "1",
                                        "action",
                                        "save"))
                        .statusCode());
        assertEquals(
                303,
                vera.submit(
                                "/claims/new",
                                "/claims",
                                Map.of("title", "The trials were staged", "description", "They were.", "summary", ""))
                        .statusCode());

        Document page = Jsoup.parse(app.get("/changes").body());
        assertEquals(
                List.of("claim", "essay", "reply", "note", "essay"),
                page.select(".change .change-kind").eachText());
        assertTrue(page.select(".change-essay").first().text().contains("Vera")
                && page.select(".change-essay").first().text().contains("Which trials"));
        assertEquals(
                "/essays/an-essay/diff?from=1&to=2",
                page.select(".change-essay a.change-title").first().attr("href"));
        assertEquals(
                "/annotations/" + id,
                page.selectFirst(".change-note a.change-title").attr("href"));
        assertTrue(page.selectFirst(".change-essay:last-child").text().contains("system"));
        assertTrue(
                Jsoup.parse(app.get("/").body())
                                .select("header a[href=/changes]")
                                .size()
                        == 1,
                "linked in the header");

        assertEquals(List.of("note"), kinds("?kind=note"));
        assertEquals(
                List.of("reply", "note"), kinds("?kind=&user=&essay=an-essay").subList(1, 3));
        assertEquals(List.of("note"), kinds("?user=anna"));
        assertFalse(Jsoup.parse(vera.get("/changes?hidemine=on").body())
                .select(".change .change-who")
                .text()
                .contains("Vera"));
        assertTrue(Jsoup.parse(anna.get("/changes?hidemine=on").body())
                .select(".change .change-who")
                .text()
                .contains("Vera"));
        assertEquals(
                200,
                app.get("/changes?kind=%00&page=-3&user=" + "x".repeat(500)).statusCode(),
                "bad filters are ignored");
    }

    @Test
    void changesComeInPagesOfFifty() {
        WebClient anna = app.client();
        anna.signUp("Anna", "correct horse battery");
        for (int i = 0; i < ChangesController.PAGE_SIZE + 1; i++) {
            note(anna, "condemned", "Note " + i);
        }
        Document first = Jsoup.parse(app.get("/changes").body());
        assertEquals(ChangesController.PAGE_SIZE, first.select(".change").size());
        assertEquals("/changes?page=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = Jsoup.parse(app.get("/changes?page=2").body());
        assertEquals(2, second.select(".change").size(), "the first note and the essay's import");
        assertTrue(second.selectFirst("a[rel=prev]") != null && second.selectFirst("a[rel=next]") == null);
    }
}
