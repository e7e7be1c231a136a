package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search box in the header of every page, by its visible label, wide and narrow, with and without JavaScript. */
class SearchBrowserIT {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebElement byLabel(ChromeDriver browser, String label) {
        String id = browser.findElement(By.xpath("//header//label[normalize-space()='" + label + "']"))
                .getAttribute("for");
        return browser.findElement(By.id(id));
    }

    @Test
    void theHeaderBoxFindsAPassageAndItsLinkOpensTheParagraph() {
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            browser.get(app.baseUrl() + "/essays/stalinisms-long-shadow");
            WebElement box = byLabel(browser, "Search");
            box.sendKeys("\"women's delegates\" essay:breaking-from-stalinism");
            box.sendKeys(Keys.ENTER);
            Browser.until(browser, d -> d.getCurrentUrl().contains("/search?"));
            assertEquals(
                    "\"women's delegates\" essay:breaking-from-stalinism",
                    byLabel(browser, "Search").getAttribute("value"),
                    "the box keeps the query");
            WebElement first = browser.findElement(By.cssSelector("section[aria-label=Passages] a.hit-title"));
            assertFalse(browser.findElements(By.cssSelector("section[aria-label=Passages] .snippet mark"))
                    .isEmpty());
            Browser.screenshot(browser, "search");
            String href = first.getAttribute("href");
            String paragraph = href.replaceAll(".*#(p\\d+).*", "$1");
            Browser.clickAndWait(browser, first);
            assertTrue(browser.getCurrentUrl().contains("/essays/breaking-from-stalinism"));
            WebElement p = browser.findElement(By.id(paragraph));
            assertTrue(
                    p.getText().contains("women’s delegates"),
                    "straight quotes typed, curly ones found: " + p.getText());
        } finally {
            browser.quit();
        }
    }

    /**
     * A new member's question on the passage about the abortion ban, written over HTTP; the search
     * suggests the other essay's account of the ban as its far end. Returns the note's id.
     */
    private static long questionOnTheBan(String name) {
        return app.member(name)
                .note(
                        "breaking-from-stalinism",
                        "led me to believe abortion was only recriminalized in the USSR because women’s delegates deemed it to be unsafe",
                        "Why then?",
                        "",
                        "question");
    }

    @Test
    void aSuggestedPassageIsLinkedInOneClick() {
        long id = questionOnTheBan("Anna");
        ChromeDriver browser = Browser.open(1280, 900, false);
        try {
            Browser.signIn(browser, app.baseUrl(), "Anna", TestApp.PASSWORD);
            browser.get(app.baseUrl() + "/annotations/" + id + "/link");
            WebElement suggestion = browser.findElements(By.cssSelector("section.suggestions li.suggestion")).stream()
                    .filter(li ->
                            li.findElement(By.tagName("blockquote")).getText().contains("banned abortion in 1936"))
                    .findFirst()
                    .orElseThrow();
            Browser.screenshot(browser, "link-suggestions");
            Browser.clickAndWait(
                    browser, suggestion.findElement(By.xpath(".//button[normalize-space()='Link to this passage']")));
            assertTrue(
                    browser.getCurrentUrl().contains("/essays/breaking-from-stalinism#a-" + id),
                    browser.getCurrentUrl());
            browser.get(app.baseUrl() + "/essays/stalinisms-long-shadow");
            assertTrue(
                    browser.findElement(By.tagName("body")).getText().contains("Breaking from Stalinism"),
                    "the far essay shows the link back");
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePickerOffersTheSuggestedPassagesToo() {
        long id = questionOnTheBan("Bea");
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            Browser.signIn(browser, app.baseUrl(), "Bea", TestApp.PASSWORD);
            browser.get(app.baseUrl() + "/essays/breaking-from-stalinism#a-" + id);
            WebElement open = browser.findElement(By.cssSelector("#a-" + id + " a.act-link"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", open);
            open.click();
            WebElement suggestion = new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector(".picker section.suggestions li.suggestion")).stream()
                            .filter(li -> li.findElement(By.tagName("blockquote"))
                                    .getText()
                                    .contains("banned abortion in 1936"))
                            .findFirst()
                            .orElse(null));
            Browser.clickAndWait(
                    browser, suggestion.findElement(By.xpath(".//button[normalize-space()='Link to this passage']")));
            assertTrue(browser.getCurrentUrl().contains("/essays/breaking-from-stalinism"), browser.getCurrentUrl());
            assertTrue(
                    browser.findElement(By.cssSelector("#a-" + id)).getText().contains("Stalinism"),
                    "the card shows its new link");
        } finally {
            browser.quit();
        }
    }

    @Test
    void atPhoneWidthTheBoxFitsAndWorksWithoutJavaScript() {
        ChromeDriver narrow = Browser.open(390, 844);
        try {
            // Headless windows do not go below about 500 px; the device metrics make the viewport a phone's.
            narrow.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            narrow.get(app.baseUrl() + "/claims");
            assertEquals(390L, narrow.executeScript("return document.documentElement.clientWidth;"));
            WebElement box = byLabel(narrow, "Search");
            assertTrue(box.isDisplayed());
            Browser.screenshot(narrow, "search-narrow");
            long overflow = (Long) narrow.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow, "nothing sticks out sideways at 390 px");
            int right = box.getRect().getX() + box.getRect().getWidth();
            assertTrue(right <= 390, "the box is inside the screen: " + right);
        } finally {
            narrow.quit();
        }
        ChromeDriver noScript = Browser.open(390, 844, false);
        try {
            noScript.get(app.baseUrl() + "/");
            WebElement box = byLabel(noScript, "Search");
            box.sendKeys("show trials");
            Browser.clickAndWait(noScript, noScript.findElement(By.xpath("//header//button[normalize-space()='Go']")));
            assertTrue(noScript.getCurrentUrl().contains("/search?q=show+trials"), noScript.getCurrentUrl());
            assertNotNull(noScript.findElement(By.cssSelector("li.search-hit")));
        } finally {
            noScript.quit();
        }
    }
}
