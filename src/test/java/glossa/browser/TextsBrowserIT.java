package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.editing.CliAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/** An editor adds a text by uploading a web page, and edits an essay with the preview, in a real browser. */
class TextsBrowserIT {

    private static final String ESSAY = "---\nslug: an-essay\ntitle: An essay\nauthor: Someone\n---\n\n"
            + "In 1936 the Soviet Union banned abortion, reversing the law of 1920.\n\n"
            + "The show trials of 1936 to 1938 condemned the old Bolsheviks. The trials were staged.\n";

    private static Path corpus;
    private static Path upload;
    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), ESSAY);
        upload = Files.createTempDirectory("upload").resolve("long-shadow.html");
        Files.writeString(upload, glossa.texts.AddTextPage.SAMPLE);
        app = TestApp.start(corpus, Clock.systemUTC());
        browser = Browser.open(1440, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
        TestApp.deleteRecursively(corpus);
        TestApp.deleteRecursively(upload.getParent());
    }

    private void fill(String label, String value) {
        Browser.fill(browser, label, value);
    }

    private void press(String text) {
        Browser.press(browser, text);
    }

    /** Screenshots at desktop and phone widths, kept for the README. */
    private void shoot(String name) {
        for (int width : new int[] {1440, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 1000));
            browser.executeScript("document.getElementById('preview-heading').scrollIntoView()");
            Browser.screenshotForDocs(browser, name + "-" + width);
        }
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    private void signUpAsEditor(String name) {
        Browser.signUp(browser, app.baseUrl(), name);
        assertEquals("0", CliAccess.run(app.dbUrl(), "user", "role", name, "editor")[0]);
    }

    @Test
    void anEditorUploadsAWebPageChecksThePreviewAndAddsIt() {
        signUpAsEditor("Vera");
        browser.get(app.baseUrl() + "/");
        Browser.clickAndWait(
                browser, browser.findElement(By.cssSelector("header")).findElement(By.linkText("Add a text")));
        browser.findElement(By.id("file")).sendKeys(upload.toAbsolutePath().toString());
        press("Preview");
        assertEquals("The Long Shadow", browser.findElement(By.id("title")).getAttribute("value"));
        assertEquals(
                "/essays/the-long-shadow",
                browser.findElement(By.cssSelector("code.slug")).getText());
        assertTrue(browser.findElement(By.cssSelector(".debris-list")).getText().contains("Read more"));
        assertTrue(
                browser.findElement(By.cssSelector(".preview-body")).getText().contains("it's verbatim"));
        shoot("add-text-preview");
        press("Add the text");
        assertTrue(browser.getCurrentUrl().endsWith("/essays/the-long-shadow"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("The Long Shadow"));
    }

    @Test
    void anEditorPreviewsWhatAnEditDoesToTheNotesThenSavesIt() {
        signUpAsEditor("Boris");
        browser.get(app.baseUrl() + "/essays/an-essay/annotate");
        fill("Passage (exact words)", "condemned the old Bolsheviks");
        browser.findElement(By.id("body")).sendKeys("On the trials.");
        press("Save note");

        browser.get(app.baseUrl() + "/essays/an-essay/history");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Edit the text")));
        fill(
                "Source of revision 1",
                ESSAY.replace("The show trials", "Famously, the show trials")
                        .replace("the old Bolsheviks", "the Old Bolsheviks"));
        fill("Summary of your change", "Capitalised Old Bolsheviks");
        press("Preview");
        // Anchoring compares case-folded (issue 13), so "Old" for "old" is the same words, moved by the new first word.
        assertEquals(
                "0 stay, 1 moves, 0 become approximate, 0 become orphans.",
                browser.findElement(By.cssSelector(".impact-summary")).getText());
        assertTrue(
                browser.findElement(By.cssSelector(".word-diff ins")).getText().contains("Famously"));
        shoot("edit-preview");
        press("Save");
        assertTrue(browser.getCurrentUrl().endsWith("/essays/an-essay/history"));
        String newest = browser.findElement(By.cssSelector("tbody tr")).getText();
        assertTrue(
                newest.toLowerCase(java.util.Locale.ROOT).contains("current")
                        && newest.contains("Boris")
                        && newest.contains("Capitalised Old Bolsheviks"),
                newest);
    }
}
