package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Links, the compare view and claim pages in a real browser. */
class LinksBrowserIT {

    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
        browser = Browser.open(1400, 1000);
        Browser.signUp(browser, app.baseUrl(), "Lena");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    private static WebElement waitFor(String css) {
        return Browser.waitFor(browser, css);
    }

    private static double top(WebElement e) {
        return ((Number) browser.executeScript("return arguments[0].getBoundingClientRect().top;", e)).doubleValue();
    }

    @Test
    void createALinkFollowItToTheOtherEssayAndComeBack() {
        browser.get(app.baseUrl() + "/essays/stalinism-doesnt-equal-socialism/annotate?block=p4");
        // The paragraph form holds the whole paragraph; the reader cuts it down to the words meant.
        browser.findElement(By.id("exact")).clear();
        browser.findElement(By.id("exact")).sendKeys("Leon Trotsky was murdered while in exile in Mexico.");
        browser.findElement(By.id("body")).sendKeys("How did he die?");
        browser.findElement(By.xpath("//button[normalize-space()='Save note']")).click();
        WebElement mark = waitFor("#essay-text mark.hl-comment");
        String noteId = mark.getAttribute("data-a");
        // The typed-words form (the way without JavaScript; with it, the card's link opens the picker instead).
        assertTrue(browser.findElement(By.cssSelector("#a-" + noteId + " a[href$='/link']"))
                .isDisplayed());
        browser.get(app.baseUrl() + "/annotations/" + noteId + "/link");
        new Select(waitFor("#essay")).selectByVisibleText("Stalinism’s long shadow (Tomáš Tengely-Evans)");
        browser.findElement(By.id("exact"))
                .sendKeys("a Stalinist agent assassinated him with an ice pick to the head in Mexico in 1940");
        new Select(browser.findElement(By.id("relation"))).selectByValue("extends");
        browser.findElement(By.xpath("//button[normalize-space()='Save link']")).click();

        WebElement follow = waitFor("#a-" + noteId + " a.follow");
        assertEquals("Stalinism’s long shadow", follow.getText());
        Browser.clickAndWait(browser, follow);
        WebElement back = waitFor(".back-link a");
        assertTrue(back.getText().contains("Stalinism Doesn’t Equal Socialism"));
        String target =
                browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("#a-") + 3);
        List<WebElement> marks = browser.findElements(By.cssSelector("mark[data-a~='" + target + "']"));
        assertTrue(!marks.isEmpty(), "the linked passage is marked");
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> marks.get(0).getAttribute("class").contains("hl-flash"));
        double markTop = top(marks.get(0));
        assertTrue(markTop > 0 && markTop < 1000, "scrolled to the passage: " + markTop);
        WebElement card = browser.findElement(By.id("a-" + target));
        assertTrue(card.getText().toLowerCase(java.util.Locale.ROOT).contains("is extended by"), card.getText());
        Browser.screenshot(browser, "followed-link");
        back.click();
        waitFor("#a-" + noteId);
        assertTrue(browser.getCurrentUrl().contains("/essays/stalinism-doesnt-equal-socialism#a-" + noteId));
    }

    @Test
    void theCompareViewDrawsAConnectorBetweenTheTwoPassages() {
        browser.get(app.baseUrl() + "/compare/breaking-from-stalinism/stalinisms-long-shadow");
        WebElement pair = waitFor("ol.link-pairs li");
        pair.click();
        WebElement line = new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d ->
                        d.findElement(By.cssSelector("#connectors line[data-link='" + pair.getAttribute("id") + "']")));
        WebElement left = browser.findElement(
                By.cssSelector("#compare-a mark[data-a~='" + pair.getAttribute("data-from") + "']"));
        WebElement right =
                browser.findElement(By.cssSelector("#compare-b mark[data-a~='" + pair.getAttribute("data-to") + "']"));
        double svgTop = top(browser.findElement(By.id("connectors")));
        double y1 = Double.parseDouble(line.getAttribute("y1")) + svgTop;
        double y2 = Double.parseDouble(line.getAttribute("y2")) + svgTop;
        Object l = browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];", left);
        Object r = browser.executeScript(
                "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];", right);
        assertTrue(within(y1, l), "the line starts at the left passage: " + y1 + " " + l);
        assertTrue(within(y2, r), "and ends at the right one: " + y2 + " " + r);
        Browser.screenshot(browser, "compare");
    }

    private static boolean within(double y, Object range) {
        List<?> r = (List<?>) range;
        return y >= ((Number) r.get(0)).doubleValue() - 1 && y <= ((Number) r.get(1)).doubleValue() + 1;
    }

    @Test
    void editAClaimPageAndViewTheDiff() {
        browser.get(app.baseUrl() + "/claims/show-trials");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Edit this page")));
        WebElement description = waitFor("#description");
        description.sendKeys("\n\nA sentence added in the browser.");
        browser.findElement(By.id("summary")).sendKeys("Added a sentence");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/claims/show-trials"));
        Browser.screenshot(browser, "claim-after-edit");
        assertTrue(browser.findElement(By.cssSelector(".claim-description"))
                .getText()
                .contains("A sentence added in the browser."));
        Browser.clickAndWait(browser, browser.findElement(By.linkText("History")));
        Browser.clickAndWait(
                browser, browser.findElement(By.xpath("//button[normalize-space()='Compare selected revisions']")));
        waitFor(".diff-text ins");
        String inserted = String.join(
                "",
                browser.findElements(By.cssSelector(".diff-text ins")).stream()
                        .map(WebElement::getText)
                        .toList());
        String shown = browser.findElement(By.cssSelector(".diff-text")).getText();
        assertTrue(inserted.contains("sentence added in the browser"), inserted + " in " + shown);
        Browser.screenshot(browser, "claim-diff");
    }
}
