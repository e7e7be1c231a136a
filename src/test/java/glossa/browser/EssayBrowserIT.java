package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

class EssayBrowserIT {

    private static final List<String> SLUGS = List.of(
            "breaking-from-stalinism",
            "how-stalinism-distorted-marxism",
            "living-in-the-shadow-of-stalinism",
            "stalinisms-long-shadow",
            "stalinism-doesnt-equal-socialism");

    private static TestApp app;
    private static ChromeDriver wide;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
        wide = Browser.open(1400, 1000);
    }

    @AfterAll
    static void stop() {
        if (wide != null) {
            wide.quit();
        }
        app.close();
    }

    @Test
    void theBrowserComputesTheSameCanonicalTextAsTheServerForEveryEssay() {
        for (String slug : SLUGS) {
            wide.get(app.baseUrl() + "/essays/" + slug);
            String inBrowser = (String)
                    wide.executeScript("return GlossaCanonical.canonicalText(document.getElementById('essay-text'));");
            String onServer = app.get("/essays/" + slug + ".txt").body();
            assertEquals(onServer, inBrowser, slug);
            Long codePoints =
                    (Long) wide.executeScript("return GlossaCanonical.codePointLength(arguments[0]);", inBrowser);
            assertEquals(onServer.codePointCount(0, onServer.length()), codePoints.intValue(), slug);
        }
    }

    @Test
    void onAWideScreenTheTextHasAReadableMeasureAndTheMarginStandsBesideIt() {
        wide.get(app.baseUrl() + "/essays/stalinisms-long-shadow");
        double charsPerLine = charactersPerLine(wide);
        assertTrue(charsPerLine >= 55 && charsPerLine <= 75, "characters per line: " + charsPerLine);
        Map<String, Object> text = rect(wide, "#essay-text");
        Map<String, Object> margin = rect(wide, "aside.margin");
        assertTrue(num(margin, "left") >= num(text, "right"), "margin to the right of the text");

        assertTrue(Files.exists(Browser.screenshot(wide, "essay-wide")));
    }

    @Test
    void onANarrowScreenTheMarginFoldsUnderTheText() {
        ChromeDriver narrow = Browser.open(390, 844);
        try {
            narrow.get(app.baseUrl() + "/essays/breaking-from-stalinism");
            Map<String, Object> text = rect(narrow, "#essay-text");
            Map<String, Object> margin = rect(narrow, "aside.margin");
            assertTrue(num(margin, "top") >= num(text, "bottom"), "margin below the text");
            Long overflow = (Long) narrow.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "no sideways scrolling");
            Browser.screenshot(narrow, "essay-narrow");
        } finally {
            narrow.quit();
        }
    }

    @Test
    void footnoteReferencesGoToTheNoteAndBack() {
        wide.get(app.baseUrl() + "/essays/breaking-from-stalinism");
        wide.findElement(By.cssSelector("#fnref-1 a")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(wide, java.time.Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("#fn-1"));
        assertTrue(wide.getCurrentUrl().endsWith("#fn-1"), wide.getCurrentUrl());
        WebElement note = wide.findElement(By.id("fn-1"));
        assertTrue(note.getText().contains("Alfonso Casal"));
        note.findElement(By.cssSelector("a.footnote-backref")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(wide, java.time.Duration.ofSeconds(5))
                .until(d -> d.getCurrentUrl().endsWith("#fnref-1"));
        assertTrue(wide.getCurrentUrl().endsWith("#fnref-1"), wide.getCurrentUrl());
    }

    @Test
    void theIndexLooksLikeAListOfEssays() {
        wide.get(app.baseUrl() + "/");
        assertEquals(5, wide.findElements(By.cssSelector(".essay-card")).size());
        Browser.clickAndWait(wide, wide.findElement(By.linkText("How Stalinism distorted Marxism")));
        assertEquals(
                "How Stalinism distorted Marxism",
                wide.findElement(By.cssSelector("h1.essay-title")).getText());
        Browser.screenshot(wide, "index-then-essay");
    }

    private static double charactersPerLine(ChromeDriver driver) {
        Object result = driver.executeScript("""
                const p = document.querySelector('#essay-text p');
                const ctx = document.createElement('canvas').getContext('2d');
                ctx.font = getComputedStyle(p).font;
                const sample = p.textContent;
                const average = ctx.measureText(sample).width / sample.length;
                return p.clientWidth / average;""");
        return ((Number) result).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rect(ChromeDriver driver, String selector) {
        return (Map<String, Object>) driver.executeScript(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "return {left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY};",
                selector);
    }

    private static double num(Map<String, Object> rect, String key) {
        return ((Number) rect.get(key)).doubleValue();
    }
}
