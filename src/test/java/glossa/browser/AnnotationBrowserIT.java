package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** Annotating in a real browser: by selecting with the mouse, and without JavaScript through the form. */
class AnnotationBrowserIT {

    private static final String ESSAY = "/essays/stalinisms-long-shadow";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rectOfWords(ChromeDriver browser, String paragraphId, String words) {
        return (Map<String, Object>) browser.executeScript("""
                const p = document.getElementById(arguments[0]);
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const at = n.data.indexOf(arguments[1]);
                  if (at >= 0) {
                    const r = document.createRange();
                    r.setStart(n, at); r.setEnd(n, at + arguments[1].length);
                    const rects = r.getClientRects(), pr = p.getBoundingClientRect();
                    const first = rects[0], last = rects[rects.length - 1];
                    return {x1: first.left - pr.left - pr.width / 2 + 1, y1: first.top - pr.top - pr.height / 2 + first.height / 2,
                            x2: last.right - pr.left - pr.width / 2 - 1, y2: last.top - pr.top - pr.height / 2 + last.height / 2};
                  }
                }
                return null;""", paragraphId, words);
    }

    private static int n(Map<String, Object> m, String k) {
        return (int) Math.round(((Number) m.get(k)).doubleValue());
    }

    @Test
    void selectAPassageWithTheMouseAnnotateItAndSeeTheNoteLevelWithIt() {
        ChromeDriver browser = Browser.open(1400, 1000);
        try {
            Browser.signUp(browser, app.baseUrl(), "Selma");
            browser.get(app.baseUrl() + ESSAY);
            WebElement p = browser.findElement(By.id("p5"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", p);
            String words = "many left wingers have illusions in officially";
            Map<String, Object> r = rectOfWords(browser, "p5", words);
            new Actions(browser)
                    .moveToElement(p, n(r, "x1"), n(r, "y1"))
                    .clickAndHold()
                    .moveToElement(p, n(r, "x2"), n(r, "y2"))
                    .release()
                    .perform();
            WebElement annotate = browser.findElement(By.cssSelector("button.annotate-button"));
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(d -> annotate.isDisplayed());
            annotate.click();
            WebElement body = browser.findElement(By.id("annotate-body"));
            assertTrue(body.isDisplayed());
            assertEquals(
                    words,
                    browser.findElement(By.cssSelector("#annotate-form input[name=exact]"))
                            .getDomProperty("value"));
            body.sendKeys("Compare Parkinson's dating of the *degeneration*.");
            browser.findElement(By.id("annotate-tags")).sendKeys("1917, periodisation");
            browser.findElement(By.xpath("//button[normalize-space()='Save note']"))
                    .click();

            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(d -> d.findElement(By.cssSelector("#essay-text mark.hl-comment")));
            String noteId =
                    browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("#a-") + 3);
            WebElement mark = browser.findElement(By.cssSelector("#essay-text mark[data-a~='" + noteId + "']"));
            assertEquals(
                    words,
                    browser.executeScript(
                            "return Array.from(document.querySelectorAll('mark[data-a~=\"' + arguments[0] + '\"]')).map(m => m.textContent).join('');",
                            noteId));
            WebElement note = browser.findElement(By.id("a-" + noteId));
            assertTrue(note.getText().contains("degeneration"));
            assertLevel(browser, mark, note);
            Browser.screenshot(browser, "annotated-essay");

            browser.navigate().refresh();
            WebElement again = browser.findElement(By.cssSelector("#essay-text mark[data-a~='" + noteId + "']"));
            assertLevel(browser, again, browser.findElement(By.id("a-" + noteId)));
            String canonical = (String) browser.executeScript(
                    "return GlossaCanonical.canonicalText(document.getElementById('essay-text'));");
            assertEquals(app.get(ESSAY + ".txt").body(), canonical, "notes and marks leave the text as it was");
        } finally {
            browser.quit();
        }
    }

    private static void assertLevel(ChromeDriver browser, WebElement mark, WebElement note) {
        double markTop = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", mark))
                .doubleValue();
        double noteTop = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", note))
                .doubleValue();
        double markRight = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().right;", mark))
                .doubleValue();
        double noteLeft = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().left;", note))
                .doubleValue();
        assertTrue(Math.abs(markTop - noteTop) < 30, "note level with its passage: " + markTop + " vs " + noteTop);
        assertTrue(noteLeft > markRight, "note in the margin to the right");
    }

    @Test
    void withoutJavaScriptTheFormByEachParagraphMakesTheSameNote() {
        ChromeDriver browser = Browser.open(1280, 1000, false);
        try {
            Browser.signUp(browser, app.baseUrl(), "Nojs");
            browser.get(app.baseUrl() + "/essays/how-stalinism-distorted-marxism");
            WebElement link = browser.findElement(By.cssSelector("a.para-annotate[href$='block=p3']"));
            assertTrue(link.isDisplayed(), "the annotate link is there without JavaScript");
            int inParagraph = browser.findElement(By.id("p3")).getText().split("Stalinism", -1).length - 1;
            Browser.clickAndWait(browser, link);
            // The paragraph's form holds its words; the reader cuts them down to the one word meant.
            browser.findElement(By.id("exact")).clear();
            browser.findElement(By.id("exact")).sendKeys("Stalinism");
            browser.findElement(By.id("body")).sendKeys("Which sense of the word?");
            browser.findElement(By.xpath("//button[normalize-space()='Save note']"))
                    .click();
            if (inParagraph != 1) {
                // Not once in this paragraph: the form asks which occurrence in the essay is meant.
                Browser.waitFor(browser, "input[name=occurrence]");
                assertTrue(
                        browser.findElements(By.cssSelector("input[name=occurrence]"))
                                        .size()
                                > 1,
                        "asked which one");
                browser.findElements(By.cssSelector("input[name=occurrence]"))
                        .get(2)
                        .click();
                browser.findElement(By.xpath("//button[normalize-space()='Save note']"))
                        .click();
            }
            WebElement mark = Browser.waitFor(browser, "#essay-text mark.hl-comment");
            assertEquals("Stalinism", mark.getText());
            WebElement note = browser.findElement(By.id("a-" + mark.getAttribute("data-a")));
            assertTrue(note.getText().contains("Which sense of the word?"));
            Browser.screenshot(browser, "annotated-no-js");
        } finally {
            browser.quit();
        }
    }

    @Test
    void onANarrowScreenNotesFoldUnderTheirParagraph() {
        ChromeDriver browser = Browser.open(390, 844);
        try {
            Browser.signUp(browser, app.baseUrl(), "Narrow");
            browser.get(app.baseUrl() + "/essays/stalinism-doesnt-equal-socialism/annotate?block=p2");
            // The paragraph form holds the whole paragraph; the reader cuts it down to the words meant.
            browser.findElement(By.id("exact")).clear();
            browser.findElement(By.id("exact")).sendKeys("an epoch perhaps takes decades or centuries");
            browser.findElement(By.id("body")).sendKeys("A long view.");
            browser.findElement(By.xpath("//button[normalize-space()='Save note']"))
                    .click();
            WebElement mark = Browser.waitFor(browser, "#essay-text mark.hl-comment");
            WebElement note = browser.findElement(By.id("a-" + mark.getAttribute("data-a")));
            WebElement paragraph = browser.findElement(By.id("p2"));
            double paraBottom = ((Number)
                            browser.executeScript("return arguments[0].getBoundingClientRect().bottom;", paragraph))
                    .doubleValue();
            double noteTop = ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", note))
                    .doubleValue();
            assertTrue(noteTop >= paraBottom - 1, "under its paragraph");
            Browser.screenshot(browser, "annotated-narrow");
        } finally {
            browser.quit();
        }
    }
}
