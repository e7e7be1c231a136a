package glossa.editing;

import static glossa.editing.EssayEditingIT.PASSWORD;
import static glossa.editing.EssayEditingIT.SLUG;
import static glossa.editing.EssayEditingIT.TEXT;
import static glossa.editing.EssayEditingIT.essay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After the first start the database holds the texts; the corpus folder is the seed, and export writes them back. */
class CorpusAndBrowserIT {

    private Path corpus;
    private Path out;
    private String db;

    @BeforeEach
    void setUp() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        out = Files.createTempDirectory("export");
        Files.writeString(corpus.resolve("essay.md"), essay(TEXT));
        db = glossa.TestApp.freshDb("corpus-browser");
    }

    @AfterEach
    void tearDown() {
        TestApp.deleteRecursively(corpus);
        TestApp.deleteRecursively(out);
    }

    private static Elements history(TestApp app) {
        return Jsoup.parse(app.get("/essays/" + SLUG + "/history").body()).select("tbody tr");
    }

    @Test
    void browserEditsSurviveARestartAndAChangedFileBecomesANewRevisionByTheSystem() throws IOException {
        String browserText = essay(TEXT.replace("The show trials", "Famously, the show trials"));
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC(), db)) {
            WebClient vera = app.client();
            vera.signUp("Vera", PASSWORD);
            assertEquals("0", Cli.run(app.dbUrl(), "", "user", "role", "Vera", "editor")[0]);
            assertEquals(
                    303,
                    vera.submit(
                                    "/essays/" + SLUG + "/edit",
                                    "/essays/" + SLUG + "/edit",
                                    Map.of(
                                            "markdown",
                                            browserText,
                                            "summary",
                                            "From the browser",
                                            "base",
                                            "1",
                                            "action",
                                            "save"))
                            .statusCode());
        }
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC(), db)) {
            assertEquals(2, history(app).size(), "an unchanged file does not undo the browser's edit");
            assertTrue(app.get("/essays/" + SLUG).body().contains("Famously"));
        }
        Files.writeString(corpus.resolve("essay.md"), essay(TEXT.replace("1920", "1920, a first")));
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC(), db)) {
            Elements rows = history(app);
            assertEquals(3, rows.size(), "the changed file is a new revision; the browser's edit stays in the history");
            assertTrue(
                    rows.get(0).text().contains("current")
                            && rows.get(0).text().contains("system (from essay.md)")
                            && rows.get(0).text().contains("essay.md changed on disk"),
                    rows.get(0).text());
            assertTrue(
                    rows.get(1).text().contains("Vera") && rows.get(1).text().contains("From the browser"),
                    rows.get(1).text());
            String page = app.get("/essays/" + SLUG).body();
            assertTrue(page.contains("1920, a first"), "the newest revision is current");

            String[] res = Cli.run(app.dbUrl(), "", "export-essays", out.toString());
            assertEquals("0", res[0], res[2]);
            assertTrue(res[1].contains("Wrote 1 essays"), res[1]);
            assertEquals(essay(TEXT.replace("1920", "1920, a first")), Files.readString(out.resolve(SLUG + ".md")));
        }
    }

    @Test
    void anExportedFolderReadBackAddsNothingAndKeepsTheFrontMatter() throws IOException {
        String browserText = essay(TEXT.replace("The show trials", "Famously, the show trials"))
                .replace("author: Someone", "author: Someone Else");
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC(), db)) {
            WebClient vera = app.client();
            vera.signUp("Vera", PASSWORD);
            Cli.run(app.dbUrl(), "", "user", "role", "Vera", "editor");
            vera.submit(
                    "/essays/" + SLUG + "/edit",
                    "/essays/" + SLUG + "/edit",
                    Map.of("markdown", browserText, "summary", "", "base", "1", "action", "save"));
            assertEquals("0", Cli.run(app.dbUrl(), "", "export-essays", out.toString())[0]);
        }
        assertEquals(browserText, Files.readString(out.resolve(SLUG + ".md")));
        try (TestApp app = TestApp.start(out, Clock.systemUTC(), db)) {
            assertEquals(2, history(app).size(), "the exported text is already current");
            Document page = Jsoup.parse(app.get("/essays/" + SLUG).body());
            assertTrue(page.text().contains("Someone Else"));
        }
    }
}
