package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When an essay file is edited and re-imported, every note follows its passage or waits as an orphan. */
class ReanchorIT {

    private static final String SLUG = AnnotationFormsIT.SLUG;
    private Path corpus;
    private String db;

    @BeforeEach
    void setUp() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        db = glossa.TestApp.freshDb("reanchor");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(AnnotationFormsIT.TEXT));
    }

    @AfterEach
    void tearDown() {
        TestApp.deleteRecursively(corpus);
    }

    private static long annotate(WebClient who, String exact, String body) {
        return who.note(SLUG, exact, body, "", "comment");
    }

    @Test
    void notesFollowTheirPassagesAcrossARevisionAndOrphansWaitInThePanel() throws IOException {
        long kept;
        long typo;
        long gone;
        try (TestApp first = TestApp.start(corpus, Clock.systemUTC(), db)) {
            WebClient anna = first.client();
            anna.signUp("Anna", "correct horse battery");
            kept = annotate(anna, "condemned the old Bolsheviks", "On the trials.");
            typo = annotate(anna, "reversing the law of 1920", "On the law.");
            gone = annotate(anna, "The trials were staged.", "A strong claim.");
        }
        String edited = AnnotationFormsIT.TEXT
                .replace("In 1936", "A new opening sentence. In 1936")
                .replace("reversing the law of 1920", "reversing the liberal law of 1920")
                .replace(" The trials were staged.", "");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(edited));
        try (TestApp second = TestApp.start(corpus, Clock.systemUTC(), db)) {
            Document page = Jsoup.parse(second.get("/essays/" + SLUG).body());
            assertEquals(
                    "condemned the old Bolsheviks",
                    page.selectFirst("mark[data-a=" + kept + "]").text(),
                    "moved with the text");
            StringBuilder changed = new StringBuilder();
            page.select("mark[data-a=" + typo + "]").forEach(m -> changed.append(m.text()));
            assertEquals("reversing the liberal law of 1920", changed.toString());
            Element typoCard = page.selectFirst("aside#a-" + typo);
            assertTrue(typoCard.text().contains("The text changed under this note"), typoCard.text());
            assertTrue(
                    typoCard.text().contains("reversing the law of 1920"),
                    "the original quote beside the current passage");

            assertNull(page.selectFirst("mark[data-a=" + gone + "]"));
            Element panel = page.selectFirst("details.orphans");
            assertNotNull(panel, "orphans are never dropped");
            assertTrue(panel.text().contains("The trials were staged."), panel.text());
            assertTrue(panel.text().contains("A strong claim."));

            String history = Jsoup.parse(second.get("/annotations/" + kept).body())
                    .select("#history")
                    .text();
            assertTrue(history.contains("reanchored"), history);
            assertTrue(history.contains("revision 2"), "old and new selectors are kept: " + history);

            WebClient anna = second.client();
            anna.signIn("Anna", "correct horse battery");
            HttpResponse<String> reattach = anna.submit(
                    "/annotations/" + gone,
                    "/annotations/" + gone + "/reattach",
                    Map.of("exact", "The show trials of 1936 to 1938"));
            assertEquals(303, reattach.statusCode());
            Document after = Jsoup.parse(second.get("/essays/" + SLUG).body());
            assertEquals(
                    "The show trials of 1936 to 1938",
                    after.selectFirst("mark[data-a=" + gone + "]").text());
            assertNull(after.selectFirst("details.orphans"));
        }
    }
}
