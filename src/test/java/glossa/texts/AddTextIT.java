package glossa.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding a text from the form or an upload: preview, address, save, and every refused upload changing nothing. */
class AddTextIT {

    static final String PASSWORD = "correct horse battery";
    static final String PAGE = AddTextPage.SAMPLE;

    private TestApp app;
    private WebClient editor;

    @BeforeEach
    void start() {
        app = TestApp.start(Path.of("target", "no-corpus"), Clock.systemUTC());
        editor = app.client();
        editor.signUp("Vera", PASSWORD);
        String[] res = glossa.editing.CliAccess.run(app.dbUrl(), "user", "role", "Vera", "editor");
        assertEquals("0", res[0], res[2]);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> form(String action, String title, String date, String markdown) {
        Map<String, String> f = new HashMap<>();
        f.put("title", title);
        f.put("author", "Someone");
        f.put("publication", "A Journal");
        f.put("date", date);
        f.put("source_url", "https://example.org/a");
        f.put("markdown", markdown);
        f.put("action", action);
        return Multipart.post(editor, "/essays/new", f, "", new byte[0]);
    }

    @Test
    void editorsAddATextFromTheFormWithAPreviewAndItsAddress() {
        WebClient member = app.client();
        member.signUp("Mira", PASSWORD);
        assertEquals(403, member.get("/essays/new").statusCode());
        assertFalse(member.get("/").body().contains("Add a text"));
        assertTrue(Jsoup.parse(editor.get("/").body())
                .select("header a[href=/essays/new]")
                .text()
                .contains("Add a text"));

        HttpResponse<String> preview =
                form("preview", "On \"Socialism\" in One Country", "1925-12", "It said \"so\" -- twice.\n\nSecond.");
        assertEquals(200, preview.statusCode(), preview.body());
        Document page = Jsoup.parse(preview.body());
        assertEquals(
                "/essays/on-socialism-in-one-country",
                page.selectFirst("code.slug").text());
        assertEquals(
                "It said \"so\" -- twice.",
                page.selectFirst(".preview-body p").text(),
                "the preview keeps the author's characters");
        assertEquals(404, app.get("/essays/on-socialism-in-one-country").statusCode(), "a preview saves nothing");

        HttpResponse<String> saved =
                form("save", "On \"Socialism\" in One Country", "1925-12", "It said \"so\" -- twice.\n\nSecond.");
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(
                "/essays/on-socialism-in-one-country",
                saved.headers().firstValue("Location").orElseThrow());
        Document essay =
                Jsoup.parse(app.get("/essays/on-socialism-in-one-country").body());
        assertTrue(essay.text().contains("On \"Socialism\" in One Country")
                && essay.text().contains("Someone"));
        assertEquals(
                "It said \"so\" -- twice.\nSecond.",
                app.get("/essays/on-socialism-in-one-country.txt").body());
        assertTrue(app.get("/essays/on-socialism-in-one-country/history").body().contains("Vera"));

        HttpResponse<String> again = form("save", "On Socialism in One Country!", "", "Other text.");
        assertEquals(409, again.statusCode(), "the slug is taken");
        assertTrue(Jsoup.parse(again.body()).select(".has-error #title").size() == 1);
        assertEquals(
                "Other text.",
                Jsoup.parse(again.body()).selectFirst("textarea#markdown").wholeText(),
                "the text is kept");
    }

    @Test
    void badFieldsAreNamed() {
        HttpResponse<String> date = form("save", "A title", "5 May", "Text.");
        assertEquals(422, date.statusCode());
        assertTrue(Jsoup.parse(date.body()).selectFirst(".has-error #date") != null, date.body());
        assertEquals(422, form("save", "", "", "Text.").statusCode());
        assertEquals(422, form("save", "A title", "", " ").statusCode());
        assertEquals(404, app.get("/essays/a-title").statusCode());
    }

    @Test
    void anHtmlUploadKeepsTheArticleAndShowsTheDebrisStruckThrough() {
        HttpResponse<String> res = Multipart.post(
                editor, "/essays/new", Map.of("action", "preview"), "page.html", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode(), res.body());
        Document page = Jsoup.parse(res.body());
        assertEquals("The Long Shadow", page.selectFirst("#title").val());
        assertEquals("Ann Writer", page.selectFirst("#author").val());
        assertEquals("2021-11-05", page.selectFirst("#date").val());
        assertEquals(
                "https://example.org/long-shadow",
                page.selectFirst("#source_url").val());
        String markdown = page.selectFirst("textarea#markdown").wholeText();
        assertTrue(
                markdown.contains("The first paragraph says \"plainly\" what it means -- and it's verbatim."),
                markdown);
        assertTrue(markdown.contains("*emphasis*") && markdown.contains("[link](https://example.org/x)"), markdown);
        assertFalse(
                markdown.contains("Read more") || markdown.contains("Share on Twitter") || markdown.contains("Home"),
                markdown);
        String debris = page.select(".debris-list del").text();
        assertTrue(
                debris.contains("Share on Twitter") && debris.contains("Read more") && debris.contains("Subscribe"),
                debris);
        assertEquals(404, app.get("/essays/the-long-shadow").statusCode(), "an upload only fills the form");
    }

    @Test
    void aTextFileBecomesParagraphsAtBlankLines() {
        byte[] txt = "First line\nsame paragraph *not emphasis*.\n\n# Not a heading\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> res = Multipart.post(editor, "/essays/new", Map.of("title", "Plain"), "plain.txt", txt);
        assertEquals(200, res.statusCode());
        Document page = Jsoup.parse(res.body());
        assertEquals(2, page.select(".preview-body p").size());
        assertEquals(
                "First line same paragraph *not emphasis*.",
                page.select(".preview-body p").get(0).text());
        assertEquals("# Not a heading", page.select(".preview-body p").get(1).text());
    }

    @Test
    void emptyBinaryOversizedAndNonUtf8UploadsAreRefusedWithTheFieldNamedAndChangeNothing() {
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("empty.md", new byte[0]);
        bad.put("binary.txt", new byte[] {'a', 0, 1, 2, 'b'});
        bad.put("big.md", "a".repeat(2 * 1024 * 1024 + 1).getBytes(StandardCharsets.US_ASCII));
        bad.put("latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        bad.put("image.png", "text".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> expected = Map.of(
                "empty.md",
                "is empty",
                "binary.txt",
                "binary",
                "big.md",
                "larger than 2 MB",
                "latin1.txt",
                "is not UTF-8",
                "image.png",
                "Upload a .md, .txt or .html file");
        for (var e : bad.entrySet()) {
            HttpResponse<String> res = Multipart.post(
                    editor,
                    "/essays/new",
                    Map.of("title", "Kept title", "markdown", "Kept text."),
                    e.getKey(),
                    e.getValue());
            assertEquals(422, res.statusCode(), e.getKey());
            Document page = Jsoup.parse(res.body());
            assertTrue(
                    page.selectFirst("#file-error").text().contains(expected.get(e.getKey())),
                    e.getKey() + ": " + page.select("#file-error").text());
            assertEquals("Kept title", page.selectFirst("#title").val(), "what the editor wrote is kept");
            assertEquals("Kept text.", page.selectFirst("textarea#markdown").wholeText());
        }
        assertEquals(404, app.get("/essays/kept-title").statusCode());
    }
}
