package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Writing in a real browser, as issue 9 asks: annotating by touch on a phone, with the keyboard alone,
 * from a signed-out selection through sign-up; replying, editing and deleting in the margin; removing a
 * link from a card; picking a link's far end by selecting it.
 */
class WritingBrowserIT {

    static final String ESSAY = "/essays/stalinisms-long-shadow";
    static final String OTHER = "breaking-from-stalinism";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Selects words of a paragraph by script: as a touch selection does, it fires only selectionchange. */
    static void select(ChromeDriver browser, String within, String words) {
        Object found = browser.executeScript("""
                const p = document.querySelector(arguments[0]);
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const at = n.data.indexOf(arguments[1]);
                  if (at >= 0) {
                    n.parentElement.scrollIntoView({block: 'center'});
                    window.getSelection().setBaseAndExtent(n, at, n, at + arguments[1].length);
                    return true;
                  }
                }
                return false;""", within, words);
        assertEquals(Boolean.TRUE, found, "words on the page: " + words);
    }

    static Object js(ChromeDriver browser, String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** A screenshot under target/screenshots (the good ones are copied to docs/screenshots by hand). */
    static void keep(ChromeDriver browser, String name) {
        Browser.screenshot(browser, name);
    }

    private static String noteIdFromUrl(ChromeDriver browser) {
        String url = browser.getCurrentUrl();
        return url.substring(url.indexOf("#a-") + 3);
    }

    @Test
    void onAPhoneATouchSelectionShowsAnnotateBelowItAndTheParagraphControlIsThere() {
        ChromeDriver browser = Browser.open(390, 844);
        try {
            Browser.phone(browser);
            Browser.signUp(browser, app.baseUrl(), "Tamsin");
            browser.get(app.baseUrl() + ESSAY);
            long shown = (Long)
                    js(
                            browser,
                            "return Array.from(document.querySelectorAll('.para-annotate')).filter(a => a.offsetParent && a.getBoundingClientRect().height > 0).length;");
            long all = (Long) js(browser, "return document.querySelectorAll('.para-annotate').length;");
            assertTrue(
                    all > 10 && shown == all,
                    "every paragraph's Annotate control shows on a phone: " + shown + " of " + all);

            String words = "many left wingers have illusions in officially";
            select(browser, "#p5", words);
            WebElement button = browser.findElement(By.cssSelector("button.annotate-button"));
            Browser.until(browser, d -> button.isDisplayed());
            double selectionBottom = ((Number) js(
                            browser,
                            "const r = getSelection().getRangeAt(0).getClientRects(); return r[r.length - 1].bottom;"))
                    .doubleValue();
            double buttonTop =
                    ((Number) js(browser, "return arguments[0].getBoundingClientRect().top;", button)).doubleValue();
            assertTrue(
                    buttonTop > selectionBottom + 10,
                    "the button sits below the selection, clear of the phone's own menu above it");
            assertTrue(
                    ((Number) js(browser, "return arguments[0].getBoundingClientRect().right;", button)).doubleValue()
                            <= 390,
                    "on screen");
            keep(browser, "phone-selection");
            button.click();
            WebElement body = browser.findElement(By.id("annotate-body"));
            assertTrue(body.isDisplayed());
            assertEquals(
                    words,
                    browser.findElement(By.cssSelector("#annotate-form input[name=exact]"))
                            .getDomProperty("value"));
            assertTrue(
                    (Boolean) js(browser, "return CSS.highlights.has('glossa-compose');"),
                    "the passage stays highlighted while composing");
            double formTop = ((Number)
                            js(browser, "return document.getElementById('annotate-form').getBoundingClientRect().top;"))
                    .doubleValue();
            assertTrue(Math.abs(formTop) < 844 * 2, "the form opens by the passage, not at the end of the page");
            body.sendKeys("Written *on a phone*.");
            browser.findElement(By.xpath("//button[normalize-space()='Preview']"))
                    .click();
            Browser.until(
                    browser,
                    d -> d.findElement(By.cssSelector("#annotate-form .preview em"))
                            .getText()
                            .equals("on a phone"));
            keep(browser, "phone-form");
            Browser.clickAndWait(browser, browser.findElement(By.xpath("//button[normalize-space()='Save note']")));
            String id = noteIdFromUrl(browser);
            assertTrue(Browser.waitFor(browser, "#a-" + id).getText().contains("Written on a phone"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void withTheKeyboardAloneEveryParagraphCanBeAnnotatedAndEscapeReturnsFocus() {
        ChromeDriver browser = Browser.open(1440, 1000);
        try {
            Browser.signUp(browser, app.baseUrl(), "Kiri");
            browser.get(app.baseUrl() + ESSAY);
            Actions keys = new Actions(browser);
            int presses = 0;
            while (presses < 40 && !"para-annotate".equals(js(browser, "return document.activeElement.className;"))) {
                keys.sendKeys(Keys.TAB).perform();
                presses++;
            }
            assertTrue(presses < 40, "a paragraph's Annotate control is reached by Tab");
            WebElement control = browser.switchTo().activeElement();
            assertNotEquals(
                    "none",
                    js(browser, "return getComputedStyle(document.activeElement).outlineStyle;"),
                    "focus is visible");
            String first = control.getDomAttribute("href");
            keys.sendKeys(Keys.TAB).perform();
            String second = (String) js(browser, "return document.activeElement.getAttribute('href');");
            assertTrue(
                    second != null && second.contains("annotate?block="),
                    "the next Tab reaches the next paragraph's control: " + second);
            assertTrue(second.compareTo(first) != 0);
            keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();

            keys.sendKeys(Keys.ENTER).perform();
            WebElement form = browser.findElement(By.id("annotate-form"));
            Browser.until(browser, d -> form.isDisplayed());
            assertEquals("annotate-body", js(browser, "return document.activeElement.id;"), "the form takes focus");
            keys.sendKeys(Keys.ESCAPE).perform();
            Browser.until(browser, d -> !form.isDisplayed());
            assertEquals(
                    first,
                    js(browser, "return document.activeElement.getAttribute('href');"),
                    "Escape returns focus to the control");

            keys.sendKeys(Keys.ENTER).perform();
            Browser.until(browser, d -> form.isDisplayed());
            keys.sendKeys("Typed without a mouse.")
                    .sendKeys(Keys.TAB)
                    .sendKeys("keyboard")
                    .perform();
            keep(browser, "essay-form-wide");
            keys.sendKeys(Keys.TAB, Keys.TAB).perform();
            assertEquals("Save note", js(browser, "return document.activeElement.textContent;"));
            keys.sendKeys(Keys.ENTER).perform();
            Browser.until(browser, d -> d.getCurrentUrl().contains("#a-"));
            String id = noteIdFromUrl(browser);
            assertTrue(Browser.waitFor(browser, "#a-" + id).getText().contains("Typed without a mouse."));

            // A selection (here made by script, as Shift+arrows would) makes Annotate the next Tab stop.
            select(browser, "#p7", "Stalinism");
            WebElement button = browser.findElement(By.cssSelector("button.annotate-button"));
            Browser.until(browser, d -> button.isDisplayed());
            keys.sendKeys(Keys.TAB).perform();
            assertEquals(
                    button,
                    browser.switchTo().activeElement(),
                    "after a selection the Annotate button is the next Tab stop");
            keys.sendKeys(Keys.ENTER).perform();
            WebElement again = browser.findElement(By.id("annotate-form"));
            Browser.until(browser, d -> again.isDisplayed());
            assertEquals("Stalinism", again.findElement(By.name("exact")).getDomProperty("value"));
            keys.sendKeys(Keys.ESCAPE).perform();
            Browser.until(browser, d -> !again.isDisplayed());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aSignedOutSelectionLeadsThroughSignUpBackToThePassageWithTheFormOpen() {
        ChromeDriver browser = Browser.open(1440, 1000);
        try {
            browser.get(app.baseUrl() + ESSAY);
            String words = "many left wingers have illusions in officially";
            select(browser, "#p5", words);
            WebElement button = browser.findElement(By.cssSelector("button.annotate-button"));
            Browser.until(browser, d -> button.isDisplayed());
            assertEquals("Sign in to annotate", button.getText());
            Browser.clickAndWait(browser, button);
            assertTrue(browser.getCurrentUrl().contains("/signin?next="));
            Browser.clickAndWait(browser, browser.findElement(By.cssSelector("main a[href^='/signup']")));
            assertTrue(
                    browser.getCurrentUrl().contains("/signup?next="),
                    "sign-up keeps the way back: " + browser.getCurrentUrl());
            browser.findElement(By.id("username")).sendKeys("Noor");
            browser.findElement(By.id("password")).sendKeys("a long enough password");
            Browser.clickAndWait(
                    browser, browser.findElement(By.xpath("//button[normalize-space()='Create account']")));
            assertTrue(
                    browser.getCurrentUrl().contains(ESSAY + "?sel="), "back at the essay: " + browser.getCurrentUrl());
            WebElement form = browser.findElement(By.id("annotate-form"));
            Browser.until(browser, d -> form.isDisplayed());
            assertEquals(words, form.findElement(By.name("exact")).getDomProperty("value"), "the passage is kept");
            assertEquals("annotate-body", js(browser, "return document.activeElement.id;"));

            WebClient http = app.client();
            var res = http.get("/signin?next="
                    + java.net.URLEncoder.encode("//evil.example/x", java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(res.body().contains("evil.example"), "no open redirect");
        } finally {
            browser.quit();
        }
    }
}
