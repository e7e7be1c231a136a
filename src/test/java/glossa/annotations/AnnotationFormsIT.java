package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notes through the HTML forms (the path that works without JavaScript), against a real server. */
class AnnotationFormsIT {

    static final String SLUG = "an-essay";
    static final String TEXT = "In 1936 the Soviet Union banned abortion, reversing the law of 1920.\n\n"
            + "The show trials of 1936 to 1938 condemned the old Bolsheviks. The trials were staged.\n\n"
            + "A *short* paragraph with a [link](http://example.org) and a note.[^1]\n\n[^1]: The footnote text.\n";

    private Path corpus;
    private TestApp app;
    private WebClient anna;

    static String essay(String body) {
        return "---\nslug: " + SLUG + "\ntitle: An essay\nauthor: Someone\n---\n\n" + body;
    }

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), essay(TEXT));
        app = TestApp.start(corpus, Clock.systemUTC());
        anna = app.client();
        anna.signUp("Anna", "correct horse battery");
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    private HttpResponse<String> annotate(WebClient who, Map<String, String> fields) {
        return who.submit("/essays/" + SLUG + "/annotate", "/essays/" + SLUG + "/annotations", fields);
    }

    private static Map<String, String> note(String exact, String body) {
        Map<String, String> m = new HashMap<>();
        m.put("exact", exact);
        m.put("body", body);
        m.put("tags", "");
        m.put("kind", "comment");
        return m;
    }

    private long created(HttpResponse<String> res) {
        assertEquals(303, res.statusCode(), res.body());
        String location = res.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#a-") + 3));
    }

    private Document page() {
        return Jsoup.parse(app.client().get("/essays/" + SLUG).body());
    }

    @Test
    void aNoteMadeByTypingTheWordsIsHighlightedAndStandsAfterItsParagraph() {
        Map<String, String> n = note("banned abortion", "The **1936** decree.");
        n.put("tags", "abortion, 1936, Abortion");
        n.put("kind", "question");
        long id = created(annotate(anna, n));
        Document doc = page();
        Element mark = doc.selectFirst("#essay-text mark[data-a=" + id + "]");
        assertNotNull(mark, "the server renders the highlight");
        assertEquals("banned abortion", mark.text());
        Element card = doc.selectFirst("#essay-text aside#a-" + id);
        assertNotNull(card, "the note is in the page, linked by id");
        assertTrue(card.is("aside.note"), "notes are not part of the essay's text (canonical.js skips aside.note)");
        assertEquals("p1", card.previousElementSiblings().select("p").first().id(), "right after its paragraph");
        assertEquals(
                "<strong>1936</strong>", card.selectFirst(".note-body strong").outerHtml());
        assertEquals(List.of("abortion", "1936"), card.select(".note-tags li").eachText(), "tags without duplicates");
        assertEquals("question", card.selectFirst(".note-kind").text());
        assertEquals("Anna", card.selectFirst(".note-author").text());
        // The text-fragment link is on the note's own page (scripts add it to the card when it is pointed at).
        assertTrue(Jsoup.parse(app.get("/annotations/" + id).body())
                        .select("a[href$=#:~:text=banned%20abortion]")
                        .size()
                > 0);
        assertTrue(
                Jsoup.parse(app.get("/users/Anna").body())
                        .select(".authored")
                        .text()
                        .contains("banned abortion"),
                "the profile lists it");
        assertEquals(
                app.get("/essays/" + SLUG + ".txt").body(),
                glossa.markdown.CanonicalTextExtractor.extract(doc.selectFirst("#essay-text"))
                        .text(),
                "highlights and notes leave the canonical text as it was");
    }

    @Test
    void repeatedWordsAskWhichOneShowingEachInContext() {
        HttpResponse<String> ask = annotate(anna, note("1936", "Which year?"));
        assertEquals(422, ask.statusCode());
        Document form = Jsoup.parse(ask.body());
        assertEquals(2, form.select("input[name=occurrence]").size());
        assertTrue(
                form.select(".choice").get(1).text().contains("The show trials of 1936"),
                form.select(".choice").text());
        assertEquals("Which year?", form.selectFirst("textarea[name=body]").text(), "nothing typed is lost");
        Map<String, String> second = note("1936", "Which year?");
        second.put("occurrence", "1");
        long id = created(annotate(anna, second));
        Element mark = page().selectFirst("mark[data-a=" + id + "]");
        assertEquals("p2", mark.closest("p").id());
    }

    @Test
    void badInputIsRefusedWithAMessageAndChangesNothing() {
        assertMessage(annotate(anna, note("words that are not there", "x")), 422, "not in the essay");
        assertMessage(annotate(anna, note("banned abortion", "  ")), 422, "needs some text");
        assertMessage(annotate(anna, note("banned abortion", "x".repeat(10_001))), 422, "at most 10,000");
        Map<String, String> tags = note("banned abortion", "x");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append("t").append(i).append(',');
        }
        tags.put("tags", many.toString());
        assertMessage(annotate(anna, tags), 422, "at most 20 tags");
        Map<String, String> range = note("", "x");
        range.put("start", "5");
        range.put("end", "99999");
        assertMessage(annotate(anna, range), 422, "out of range");
        Map<String, String> mismatch = note("banned abortion", "x");
        mismatch.put("start", "0");
        mismatch.put("end", "7");
        assertMessage(annotate(anna, mismatch), 422, "does not match its quote");
        Map<String, String> kind = note("banned abortion", "x");
        kind.put("kind", "rant");
        assertMessage(annotate(anna, kind), 422, "comment, question or highlight");
        assertEquals(0, page().select("#essay-text mark").size(), "nothing was created");
        assertEquals(
                404,
                anna.submit("/essays/" + SLUG + "/annotate", "/essays/no-such/annotations", note("x", "y"))
                        .statusCode());
        Map<String, String> highlight = note("banned abortion", "");
        highlight.put("kind", "highlight");
        created(annotate(anna, highlight));
    }

    private static void assertMessage(HttpResponse<String> res, int status, String text) {
        assertEquals(status, res.statusCode(), res.body().length() > 300 ? text : res.body());
        String errors = Jsoup.parse(res.body()).select(".error").text();
        assertTrue(errors.contains(text), "expected \u201c" + text + "\u201d in: " + errors);
    }

    @Test
    void scriptInABodyIsNeutralised() {
        long id = created(annotate(
                anna,
                note(
                        "banned abortion",
                        "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>")));
        Element body = page().selectFirst("#a-" + id + " .note-body");
        assertTrue(body.select("script, img, [onerror]").isEmpty(), body.html());
        assertTrue(body.select("a[href^=javascript]").isEmpty(), body.html());
        assertTrue(body.text().contains("<script>alert(1)</script>"), "shown as the text it is");
    }

    @Test
    void authorsEditAndDeleteTheirNotesOthersCannotAndHistoryKeepsEverything() {
        long id = created(annotate(anna, note("banned abortion", "First thoughts.")));
        WebClient boris = app.client();
        boris.signUp("Boris", "another long password");
        assertEquals(
                403,
                boris.submit(
                                "/annotations/" + id,
                                "/annotations/" + id + "/edit",
                                Map.of("body", "Vandalised", "kind", "comment"))
                        .statusCode());
        assertEquals(
                403,
                boris.submit("/annotations/" + id, "/annotations/" + id + "/delete", Map.of())
                        .statusCode());
        assertEquals(
                303,
                anna.submit(
                                "/annotations/" + id,
                                "/annotations/" + id + "/edit",
                                Map.of("body", "Second thoughts.", "tags", "revised", "kind", "comment"))
                        .statusCode());
        assertEquals(
                303,
                boris.submit("/annotations/" + id, "/annotations/" + id + "/replies", Map.of("body", "I disagree."))
                        .statusCode());
        Document note = Jsoup.parse(app.get("/annotations/" + id).body());
        assertEquals("Second thoughts.", note.selectFirst(".note-body-large").text());
        assertEquals("I disagree.", note.selectFirst(".note-replies .note-body").text());
        String history = note.select("#history").text();
        assertTrue(history.contains("created by Anna") && history.contains("edited by Anna"), history);
        assertTrue(
                history.contains("First thoughts.") && history.contains("Second thoughts."),
                "who, when, what changed: " + history);
        assertTrue(
                page().selectFirst("#a-" + id).text().contains("I disagree."),
                "replies show as a thread in the margin");

        assertEquals(
                303,
                anna.submit("/annotations/" + id, "/annotations/" + id + "/delete", Map.of())
                        .statusCode());
        // Boris replied: a placeholder keeps his reply in place, and Anna's words are gone from both pages.
        assertTrue(page().selectFirst("#a-" + id).hasClass("note-deleted"));
        assertTrue(page().selectFirst("#a-" + id).text().contains("I disagree."));
        assertFalse(page().text().contains("Second thoughts."));
        Document gone = Jsoup.parse(app.get("/annotations/" + id).body());
        assertTrue(
                gone.text().contains("This note was deleted")
                        && !gone.text().contains("Second thoughts.")
                        && !gone.text().contains("First thoughts."),
                gone.text());

        long lone = created(annotate(anna, note("banned abortion", "Nobody answered.")));
        assertEquals(
                303,
                anna.submit("/annotations/" + lone, "/annotations/" + lone + "/delete", Map.of())
                        .statusCode());
        assertNull(page().selectFirst("mark[data-a=" + lone + "]"), "a deleted note without replies leaves nothing");
        assertEquals(404, app.get("/annotations/" + lone).statusCode());
    }

    @Test
    void moderatorsHideAndRestoreAnyNote() throws Exception {
        long id = created(annotate(anna, note("banned abortion", "Spam spam spam.")));
        TokensCli.addModerator(app, "Mod");
        WebClient mod = app.client();
        mod.signIn("Mod", "moderator password");
        assertEquals(
                403,
                anna.submit("/annotations/" + id, "/annotations/" + id + "/hide", Map.of())
                        .statusCode(),
                "members cannot hide");
        assertEquals(
                303,
                mod.submit("/annotations/" + id, "/annotations/" + id + "/hide", Map.of())
                        .statusCode());
        assertNull(page().selectFirst("#a-" + id), "hidden from readers");
        assertEquals(404, app.get("/annotations/" + id).statusCode());
        assertEquals(200, mod.get("/annotations/" + id).statusCode(), "moderators still see it");
        assertEquals(
                303,
                mod.submit("/annotations/" + id, "/annotations/" + id + "/restore", Map.of())
                        .statusCode());
        assertNotNull(page().selectFirst("#a-" + id));
    }

    @Test
    void severalNotesOnOneSpotFoldIntoAStack() {
        for (int i = 0; i < 3; i++) {
            created(annotate(anna, note("banned abortion", "Note " + i)));
        }
        Element stack = page().selectFirst("#essay-text details.note-stack");
        assertNotNull(stack);
        assertEquals("3 notes", stack.selectFirst("summary").text());
        assertEquals(3, stack.select("aside.note").size());
    }

    @Test
    void theFilterBarShowsOnlyTheNotesAsked() {
        Map<String, String> a = note("banned abortion", "One");
        a.put("tags", "law");
        created(annotate(anna, a));
        Map<String, String> b = note("condemned the old Bolsheviks", "Two");
        b.put("kind", "question");
        created(annotate(anna, b));
        Document byTag = Jsoup.parse(app.get("/essays/" + SLUG + "?tag=law").body());
        assertEquals(1, byTag.select("aside.note").size());
        Document byKind =
                Jsoup.parse(app.get("/essays/" + SLUG + "?kind=question").body());
        assertEquals("Two", byKind.selectFirst("aside.note .note-body").text());
        assertEquals(
                0,
                Jsoup.parse(app.get("/essays/" + SLUG + "?notes=hide").body())
                        .select("aside.note, mark")
                        .size());
        assertEquals(
                2,
                Jsoup.parse(app.get("/essays/" + SLUG + "?author=anna").body())
                        .select("aside.note")
                        .size());
    }

    @Test
    void anonymousReadersMustSignInToAnnotate() {
        assertEquals(303, app.client().get("/essays/" + SLUG + "/annotate").statusCode());
        WebClient anonymous = app.client();
        assertEquals(
                401,
                anonymous
                        .submit("/signin", "/essays/" + SLUG + "/annotations", note("banned abortion", "x"))
                        .statusCode());
    }
}
