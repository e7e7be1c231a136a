package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.editing.CliAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Recent changes in a real browser, by visible labels: a note and an essay edit, then Changes from the
 * header, a filter by kind, and the links to the note and to the diff. Also screenshots of the wiki's
 * new pages (tags, a tag, notifications, a user's contributions) at 1440 and 390 px.
 */
class ChangesBrowserIT {

    private static final String ESSAY = "---\nslug: an-essay\ntitle: An essay\nauthor: Someone\n---\n\n"
            + "In 1936 the Soviet Union banned abortion, reversing the law of 1920.\n\n"
            + "The show trials of 1936 to 1938 condemned the old Bolsheviks. The trials were staged.\n";

    private static Path corpus;
    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), ESSAY);
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
    }

    private void fill(String label, String value) {
        Browser.fill(browser, label, value);
    }

    private void press(String text) {
        Browser.press(browser, text);
    }

    private void note(String words, String body, String tags) {
        browser.get(app.baseUrl() + "/essays/an-essay/annotate");
        fill("Passage (exact words)", words);
        browser.findElement(By.id("body")).sendKeys(body);
        fill("Tags", tags);
        press("Save note");
    }

    private List<String> kinds() {
        return browser.findElements(By.cssSelector(".change .change-kind")).stream()
                .map(e -> e.getText().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    @Test
    void aNoteAndAnEditShowInRecentChangesWithFiltersAndLinks() {
        Browser.signUp(browser, app.baseUrl(), "Vera");
        assertEquals("0", CliAccess.run(app.dbUrl(), "user", "role", "Vera", "editor")[0]);
        note("condemned the old Bolsheviks", "On the trials.", "trials");
        browser.get(app.baseUrl() + "/essays/an-essay/history");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Edit the text")));
        fill("Source of revision 1", ESSAY.replace("The show trials", "Famously, the show trials"));
        fill("Summary of your change", "A word added");
        press("Save");

        browser.get(app.baseUrl() + "/");
        Browser.clickAndWait(
                browser, browser.findElement(By.cssSelector("header")).findElement(By.linkText("Changes")));
        assertEquals("Recent changes", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("essay", "note", "essay"), kinds());

        new Select(Browser.labelled(browser, "Kind")).selectByVisibleText("note");
        press("Show");
        assertEquals(List.of("note"), kinds());
        assertTrue(browser.getCurrentUrl().contains("kind=note"), browser.getCurrentUrl());
        Browser.clickAndWait(browser, browser.findElement(By.linkText("condemned the old Bolsheviks")));
        assertTrue(browser.getCurrentUrl().matches(".*/annotations/\\d+"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("On the trials."));

        browser.navigate().back();
        new Select(Browser.labelled(browser, "Kind")).selectByVisibleText("essay");
        press("Show");
        assertEquals(List.of("essay", "essay"), kinds());
        Browser.clickAndWait(
                browser,
                browser.findElements(By.cssSelector(".change-essay a.change-title"))
                        .get(0));
        assertTrue(browser.getCurrentUrl().endsWith("/essays/an-essay/diff?from=1&to=2"), browser.getCurrentUrl());
        assertTrue(
                browser.findElement(By.cssSelector(".word-diff ins")).getText().contains("Famously"));
    }

    @Test
    void screenshotsOfTheNewPages() throws IOException {
        Browser.signUp(browser, app.baseUrl(), "Anna");
        note("banned abortion", "A law reversed.", "law, 1936");
        String annasNote = browser.getCurrentUrl().replaceAll(".*#a-", "");
        Browser.signUp(browser, app.baseUrl(), "Boris");
        note("reversing the law of 1920", "The earlier law.", "law");
        browser.get(app.baseUrl() + "/annotations/" + annasNote);
        browser.findElement(By.id("reply-body")).sendKeys("Which law of 1920?");
        press("Reply");
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, app.baseUrl(), "Anna", Browser.PASSWORD);
        assertEquals(
                "1", browser.findElement(By.cssSelector("header .notice-count")).getText());
        for (String[] page : new String[][] {
            {"tags", "/tags"},
            {"tag", "/tags/law"},
            {"notifications", "/notifications"},
            {"contributions", "/users/Boris"},
            {"changes", "/changes"}
        }) {
            for (int width : new int[] {1440, 390}) {
                browser.manage().window().setSize(new Dimension(width == 390 ? 500 : 1440, width == 390 ? 844 : 1000));
                if (width == 390) {
                    Browser.phone(browser);
                }
                browser.get(app.baseUrl() + page[1]);
                Browser.screenshotForDocs(browser, "wiki-" + page[0] + "-" + width);
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            }
        }
    }
}
