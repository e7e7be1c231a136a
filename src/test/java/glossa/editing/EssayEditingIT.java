package glossa.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor role; editing an essay with its preview, save, stale saves, history, diff and revert. */
class EssayEditingIT {

    static final String SLUG = "an-essay";
    static final String PASSWORD = "correct horse battery";
    static final String TEXT = "In 1936 the Soviet Union banned abortion, reversing the law of 1920.\n\n"
            + "The show trials of 1936 to 1938 condemned the old Bolsheviks. The trials were staged.\n\n"
            + "A closing paragraph that will be removed entirely by the editor today.\n";

    private Path corpus;
    private String db;
    private TestApp app;

    static String essay(String body) {
        return "---\nslug: " + SLUG + "\ntitle: An essay\nauthor: Someone\n---\n\n" + body;
    }

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), essay(TEXT));
        db = glossa.TestApp.freshDb("editing");
        app = TestApp.start(corpus, Clock.systemUTC(), db);
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    static long annotate(WebClient who, String exact) {
        return who.note(SLUG, exact, "A note.", "", "comment");
    }

    /** Signs up {@code name} and makes them an editor from the command line. */
    WebClient editor(String name) {
        WebClient c = app.client();
        assertEquals(303, c.signUp(name, PASSWORD).statusCode());
        String[] res = Cli.run(app.dbUrl(), "", "user", "role", name, "editor");
        assertEquals("0", res[0], res[2]);
        assertTrue(res[1].contains(name + " is now editor"), res[1]);
        return c;
    }

    private HttpResponse<String> post(WebClient who, String text, String summary, int base, String action) {
        Map<String, String> f = new HashMap<>();
        f.put("markdown", text);
        f.put("summary", summary);
        f.put("base", Integer.toString(base));
        f.put("action", action);
        return who.submit("/essays/" + SLUG + "/edit", "/essays/" + SLUG + "/edit", f);
    }

    private int revisions() {
        return Jsoup.parse(app.get("/essays/" + SLUG + "/history").body())
                .select("tbody tr")
                .size();
    }

    @Test
    void onlyEditorsModeratorsAndAdminsEditAndTheRoleIsSetFromTheCommandLineOrTheAdminPage() {
        assertEquals(
                303, app.client().get("/essays/" + SLUG + "/edit").statusCode(), "anonymous readers sign in first");
        WebClient member = app.client();
        member.signUp("Mira", PASSWORD);
        assertEquals(403, member.get("/essays/" + SLUG + "/edit").statusCode());
        assertFalse(member.get("/essays/" + SLUG).body().contains("Edit the text"));

        WebClient vera = editor("Vera");
        assertEquals(200, vera.get("/essays/" + SLUG + "/edit").statusCode());
        assertTrue(
                vera.get("/essays/" + SLUG).body().contains("/essays/" + SLUG + "/edit"),
                "the essay links to its editor");

        assertEquals("0", Cli.run(app.dbUrl(), "admin password 1\n", "user", "add", "root", "--admin")[0]);
        WebClient admin = app.client();
        admin.signIn("root", "admin password 1");
        assertEquals(200, admin.get("/essays/" + SLUG + "/edit").statusCode(), "admins have the editor role too");
        Document users = Jsoup.parse(admin.get("/admin/users").body());
        assertTrue(users.select("option[value=EDITOR]").size() > 0, "the admin page offers the role");
        String action = users.select("form.role-form").stream()
                .filter(f -> f.selectFirst("label").text().contains("Mira"))
                .findFirst()
                .orElseThrow()
                .attr("action");
        assertEquals(
                303,
                admin.submit("/admin/users", action, Map.of("role", "EDITOR")).statusCode());
        assertEquals(200, member.get("/essays/" + SLUG + "/edit").statusCode(), "Mira is an editor now");
        assertEquals("1", Cli.run(app.dbUrl(), "", "user", "role", "Mira", "editr")[0], "a mistyped role is refused");
    }

    @Test
    void thePreviewShowsTheTextTheDiffAndWhatHappensToEachNoteWithoutSaving() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        long stays = annotate(anna, "banned abortion");
        long moves = annotate(anna, "condemned the old Bolsheviks");
        long approximate = annotate(anna, "The trials were staged");
        long orphan = annotate(anna, "will be removed entirely by the editor");
        WebClient vera = editor("Vera");

        String edited = essay(
                "In 1936 the Soviet Union banned abortion, reversing the law of 1920.\n\n"
                        + "Famously, the show trials of 1936 to 1938 condemned the old Bolsheviks. The trials were all staged.\n");
        HttpResponse<String> res = post(vera, edited, "Tighter ending", 1, "preview");
        assertEquals(200, res.statusCode(), res.body());
        Document page = Jsoup.parse(res.body());
        assertEquals(
                "1 stay, 1 moves, 1 becomes approximate, 1 becomes an orphan.",
                page.selectFirst(".impact-summary").text());
        String impact = page.select(".impact").text();
        assertTrue(
                impact.contains("Note " + orphan) && impact.contains("will be removed entirely by the editor"), impact);
        assertTrue(
                impact.contains("Note " + moves)
                        && impact.contains("Note " + stays)
                        && impact.contains("Note " + approximate),
                impact);
        assertTrue(
                page.select(".word-diff ins").text().contains("Famously"),
                page.select(".word-diff").html());
        assertTrue(page.select(".word-diff del").text().contains("closing paragraph"));
        assertTrue(page.selectFirst(".preview-body").text().contains("The trials were all staged."));
        assertEquals(edited, page.selectFirst("textarea#markdown").wholeText(), "the text stays in the form");
        assertEquals(1, revisions(), "a preview saves nothing");
        assertFalse(app.get("/essays/" + SLUG).body().contains("Famously"));
    }

    @Test
    void aSaveMakesARevisionCarriesTheNotesAndAStaleSaveIsRefusedWithTheTextKept() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        long note = annotate(anna, "condemned the old Bolsheviks");
        WebClient vera = editor("Vera");
        WebClient boris = editor("Boris");

        String first = essay(TEXT.replace("The show trials", "Famously, the show trials"));
        assertEquals(303, post(vera, first, "Vera's change", 1, "save").statusCode());
        String stale = essay(TEXT.replace("1920", "1920 (a first)"));
        HttpResponse<String> refused = post(boris, stale, "Boris's change", 1, "save");
        assertEquals(409, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertEquals(stale, page.selectFirst("textarea#markdown").wholeText(), "Boris's text is kept");
        assertTrue(page.selectFirst("#markdown-error").text().contains("Someone saved a newer revision"));
        assertEquals(
                "2",
                page.selectFirst("input[name=base]").val(),
                "saving again is a deliberate overwrite of revision 2");
        assertEquals(2, revisions(), "the refused save stored nothing");

        Document history = Jsoup.parse(app.get("/essays/" + SLUG + "/history").body());
        String newest = history.selectFirst("tbody tr").text();
        assertTrue(newest.contains("current") && newest.contains("Vera") && newest.contains("Vera's change"), newest);
        assertTrue(history.select("tbody tr").get(1).text().contains("system (from essay.md)"));
        assertTrue(app.get("/essays/" + SLUG).body().contains("Famously, the show trials"));
        String notePage = Jsoup.parse(app.get("/annotations/" + note).body()).text();
        assertTrue(notePage.contains("revision 2"), "the note was carried to revision 2: " + notePage);

        Document diff =
                Jsoup.parse(app.get("/essays/" + SLUG + "/diff?from=1&to=2").body());
        assertEquals("Famously, the", diff.select(".word-diff ins").text(), "whole words are compared");
        assertEquals("The", diff.select(".word-diff del").text());
        assertEquals(404, app.get("/essays/" + SLUG + "/diff?from=1&to=9").statusCode());

        assertEquals(
                303,
                vera.submit(
                                "/essays/" + SLUG + "/history",
                                "/essays/" + SLUG + "/revert",
                                Map.of("to", "1", "base", "2"))
                        .statusCode());
        assertEquals(3, revisions());
        assertFalse(app.get("/essays/" + SLUG).body().contains("Famously"));
        assertEquals(
                409,
                vera.submit(
                                "/essays/" + SLUG + "/history",
                                "/essays/" + SLUG + "/revert",
                                Map.of("to", "2", "base", "2"))
                        .statusCode(),
                "a revert made on an old revision is refused too");
        assertTrue(Jsoup.parse(app.get("/essays/" + SLUG + "/history").body())
                .selectFirst("tbody tr")
                .text()
                .contains("Reverted to revision 1"));
    }

    @Test
    void badEditsAreRefusedWithTheFieldNamedAndNothingSaved() {
        WebClient vera = editor("Vera");
        HttpResponse<String> noSlug = post(vera, essay(TEXT).replace("slug: " + SLUG, "slug: another"), "", 1, "save");
        assertEquals(422, noSlug.statusCode());
        assertTrue(
                Jsoup.parse(noSlug.body()).selectFirst("#markdown-error").text().contains("The slug cannot change"));
        HttpResponse<String> broken = post(vera, "no front matter", "", 1, "preview");
        assertEquals(422, broken.statusCode());
        assertTrue(
                Jsoup.parse(broken.body()).selectFirst("#markdown-error").text().startsWith("Line 1:"));
        assertEquals(422, post(vera, essay(TEXT), "x".repeat(301), 1, "save").statusCode());
        assertEquals(422, post(vera, "", "", 1, "save").statusCode());
        assertEquals(1, revisions());
    }
}
