package glossa.browser;

import static glossa.browser.Browser.until;
import static glossa.browser.Browser.waitFor;
import static glossa.browser.WritingBrowserIT.js;
import static glossa.browser.WritingBrowserIT.keep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.Main;
import glossa.TestApp;
import glossa.WebClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import picocli.CommandLine;

/** In the margin: reply, delete with another member's reply, remove a link from a card, pick a link's far end by selecting it. */
class MarginBrowserIT {

    private static final String SLUG = "stalinisms-long-shadow";
    private static final String ESSAY = "/essays/" + SLUG;
    private static final String OTHER = "breaking-from-stalinism";
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebClient member(String name) {
        WebClient c = app.client();
        assertEquals(303, c.signUp(name, Browser.PASSWORD).statusCode());
        return c;
    }

    private static long note(WebClient c, String exact, String body) {
        return c.note(SLUG, exact, body, "", "comment");
    }

    private static WebElement card(ChromeDriver browser, long id) {
        return waitFor(browser, "#a-" + id);
    }

    private static void openAt(ChromeDriver browser, long id) {
        browser.get(app.baseUrl() + ESSAY + "#a-" + id);
        card(browser, id);
    }

    @Test
    void replyAndEditInPlaceThenDeleteANoteWithAnotherMembersReply() {
        WebClient ada = member("Ada");
        WebClient bea = member("Bea");
        String secret = "These vanishing words about Ghodsee";
        long id = note(ada, "Kristen Ghodsee", secret);
        assertEquals(
                303,
                bea.submit(
                                "/annotations/" + id,
                                "/annotations/" + id + "/replies",
                                Map.of("body", "Bea answers, and stays."))
                        .statusCode());
        ChromeDriver browser = Browser.open(1440, 1000);
        try {
            Browser.signIn(browser, app.baseUrl(), "Ada", Browser.PASSWORD);
            openAt(browser, id);
            // Reply in place, with a preview from the server's renderer, without leaving the essay.
            card(browser, id).findElement(By.cssSelector("a.act-reply")).click();
            WebElement reply = waitFor(browser, "#a-" + id + " form.reply-form textarea");
            assertTrue(
                    (Boolean) js(
                            browser,
                            "return document.querySelector('mark[data-a~=\"" + id
                                    + "\"]').classList.contains('hl-compose');"),
                    "the passage is lit while the reply is written");
            reply.sendKeys("Ada adds **this**. <script>alert(1)</script>");
            card(browser, id).findElement(By.cssSelector(".preview-toggle")).click();
            until(
                    browser,
                    d -> !d.findElements(By.cssSelector("#a-" + id + " .preview strong"))
                            .isEmpty());
            assertTrue(
                    browser.findElements(By.cssSelector("#a-" + id + " .preview script"))
                            .isEmpty(),
                    "the preview is sanitized");
            Browser.clickAndWait(
                    browser, card(browser, id).findElement(By.xpath(".//button[normalize-space()='Save reply']")));
            assertTrue(
                    browser.getCurrentUrl().contains(ESSAY + "#a-" + id),
                    "still on the essay: " + browser.getCurrentUrl());
            assertTrue(card(browser, id).getText().contains("Ada adds this."));

            // Edit one's own reply in place.
            WebElement own = card(browser, id).findElement(By.xpath(".//li[contains(., 'Ada adds')]"));
            own.findElement(By.cssSelector("a.act-edit")).click();
            WebElement area = waitFor(browser, "#a-" + id + " li.reply form textarea");
            area.clear();
            area.sendKeys("The reply, edited.");
            Browser.clickAndWait(
                    browser, card(browser, id).findElement(By.xpath(".//button[normalize-space()='Save changes']")));
            assertTrue(
                    card(browser, id).getText().contains("The reply, edited."),
                    card(browser, id).getText());

            // Delete the note: confirmed in place; Bea's reply stays under a placeholder.
            card(browser, id).findElement(By.cssSelector("footer a.act-delete")).click();
            WebElement confirm = waitFor(browser, "#a-" + id + " form.confirm-form");
            assertTrue(confirm.getText().contains("Delete your note?"));
            Browser.clickAndWait(browser, confirm.findElement(By.xpath(".//button[normalize-space()='Delete note']")));
            WebElement placeholder = card(browser, id);
            assertTrue(placeholder.getDomAttribute("class").contains("note-deleted"), "a placeholder holds the thread");
            assertTrue(placeholder.getText().contains("Bea answers, and stays."));
            assertFalse(browser.getPageSource().contains(secret));
        } finally {
            browser.quit();
        }
        long replyId = bea.get("/annotations/" + id)
                                .body()
                                .lines()
                                .filter(l -> l.contains("Bea answers"))
                                .count()
                        > 0
                ? org.jsoup.Jsoup.parse(bea.get("/annotations/" + id).body()).select("li[id^=a-]").stream()
                        .filter(li -> li.text().contains("Bea answers"))
                        .map(li -> Long.parseLong(li.id().substring(2)))
                        .findFirst()
                        .orElseThrow()
                : -1;
        assertTrue(replyId > 0, "the thread's page still shows Bea's reply");
        WebClient anyone = app.client();
        for (String page : List.of(
                ESSAY,
                "/annotations/" + id,
                "/annotations/" + replyId,
                "/users/Bea",
                "/users/Ada",
                "/api/annotations/" + id,
                "/api/annotations/" + replyId,
                "/api/annotations/",
                "/api/essays/" + SLUG + "/annotations/")) {
            for (WebClient who : List.of(anyone, bea)) {
                HttpResponse<String> res = who.get(page);
                assertTrue(res.statusCode() < 500, page);
                assertFalse(res.body().contains("vanishing words"), "the deleted words are gone from " + page);
            }
        }
        assertTrue(anyone.get("/annotations/" + replyId).body().contains("This note was deleted"));
        // Moderators still find them in the note's history.
        StringWriter out = new StringWriter();
        int code = new CommandLine(newMain())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true))
                .execute("user", "role", "Bea", "moderator", "--db-url", app.dbUrl(), "--data-dir", "target");
        assertEquals(0, code, out.toString());
        assertTrue(
                bea.get("/annotations/" + id).body().contains("vanishing words"),
                "moderators read deleted words in the history");
    }

    @Test
    void onlyTheNotesAuthorLinksFromItAndALinkIsRemovedFromItsCard() {
        WebClient cai = member("Cai");
        WebClient dev = member("Dev");
        long id = note(cai, "the greatest plunderer", "A note to link from.");
        Map<String, String> link = Map.of(
                "essay",
                OTHER,
                "exact",
                "I was first drawn to Stalinism through internet meme culture",
                "relation",
                "disputes",
                "comment",
                "");
        assertEquals(
                403,
                dev.submit(ESSAY, "/annotations/" + id + "/links", link).statusCode(),
                "nobody links from another's note");
        assertEquals(
                303, cai.submit(ESSAY, "/annotations/" + id + "/links", link).statusCode());
        ChromeDriver browser = Browser.open(1440, 1000);
        try {
            Browser.signIn(browser, app.baseUrl(), "Cai", Browser.PASSWORD);
            openAt(browser, id);
            WebElement remove = card(browser, id).findElement(By.cssSelector("a.act-unlink"));
            remove.click();
            WebElement confirm = waitFor(browser, "#a-" + id + " form.confirm-form");
            Browser.clickAndWait(browser, confirm.findElement(By.xpath(".//button[normalize-space()='Remove link']")));
            assertTrue(
                    card(browser, id)
                            .findElements(By.cssSelector("li.connection.link"))
                            .isEmpty(),
                    "the link is gone from the card");
            browser.get(app.baseUrl() + "/annotations/" + id);
            assertTrue(
                    browser.findElement(By.id("history")).getText().contains("link removed"),
                    "its removal is in the history");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aNoteWithLinksIsDeletedWithItsLinksInOneConfirmedStep() {
        WebClient eve = member("Eve");
        long id = note(eve, "adulation of Stalin", "Linked, then deleted.");
        assertEquals(
                303,
                eve.submit(
                                ESSAY,
                                "/annotations/" + id + "/links",
                                Map.of(
                                        "essay",
                                        OTHER,
                                        "exact",
                                        "internet meme culture",
                                        "relation",
                                        "extends",
                                        "comment",
                                        ""))
                        .statusCode());
        String confirm = eve.get("/annotations/" + id + "/delete").body();
        assertTrue(
                confirm.contains("This note carries a link") && confirm.contains("Remove these links too"),
                "the no-JS step offers it");
        HttpResponse<String> done = eve.submit(
                "/annotations/" + id + "/delete", "/annotations/" + id + "/delete", Map.of("removeLinks", "yes"));
        assertEquals(303, done.statusCode(), done.body());
        assertFalse(eve.get("/essays/" + OTHER).body().contains("Linked, then deleted."));
        assertEquals(404, eve.get("/annotations/" + id).statusCode());
    }

    @Test
    void thePickerKeepsKeyboardFocusInsideAndEscapeClosesItFromAnywhere() {
        WebClient gil = member("Gil");
        long id = note(gil, "state socialism", "Linked by keyboard.");
        ChromeDriver browser = Browser.open(390, 844);
        try {
            Browser.phone(browser);
            Browser.signIn(browser, app.baseUrl(), "Gil", Browser.PASSWORD);
            openAt(browser, id);
            WebElement open = card(browser, id).findElement(By.cssSelector("a.act-link"));
            js(browser, "arguments[0].focus();", open);
            open.sendKeys(org.openqa.selenium.Keys.ENTER);
            waitFor(browser, ".picker form.form");
            for (int i = 0; i < 30; i++) {
                browser.switchTo()
                        .activeElement()
                        .sendKeys(
                                i % 7 == 6
                                        ? org.openqa.selenium.Keys.chord(
                                                org.openqa.selenium.Keys.SHIFT, org.openqa.selenium.Keys.TAB)
                                        : org.openqa.selenium.Keys.TAB);
                assertTrue(
                        (Boolean) js(
                                browser, "return document.querySelector('.picker').contains(document.activeElement);"),
                        "Tab " + i + " left the picker for "
                                + js(browser, "return document.activeElement.outerHTML.slice(0, 80);"));
            }
            browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
            until(browser, d -> d.findElements(By.cssSelector(".picker")).isEmpty());
            assertTrue(
                    (Boolean) js(browser, "return document.activeElement === arguments[0];", open),
                    "focus is back on the link that opened it");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theFarEndOfALinkIsPickedBySelectingItBesideTheEssayAndFullScreenOnAPhone() {
        WebClient fay = member("Fay");
        long wide = note(fay, "state socialism", "Picked beside the essay.");
        long narrow = note(fay, "Why Women Have Better Sex", "Picked on a phone.");
        for (boolean phone : new boolean[] {false, true}) {
            long id = phone ? narrow : wide;
            ChromeDriver browser = Browser.open(1440, 1000);
            try {
                if (phone) {
                    Browser.phone(browser);
                }
                Browser.signIn(browser, app.baseUrl(), "Fay", Browser.PASSWORD);
                openAt(browser, id);
                WebElement open = card(browser, id).findElement(By.cssSelector("a.act-link"));
                js(browser, "arguments[0].scrollIntoView({block: 'center'});", open);
                open.click();
                until(browser, d -> !d.findElements(By.cssSelector(".picker")).isEmpty());
                try {
                    waitFor(browser, ".picker form.form");
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError(
                            "the picker shows: "
                                    + browser.findElement(By.cssSelector(".picker"))
                                            .getText(),
                            e);
                }
                WebElement picker = browser.findElement(By.cssSelector(".picker form.form"));
                new Select(picker.findElement(By.name("essay"))).selectByValue(OTHER);
                waitFor(browser, ".picker-essay p");
                String words = "internet meme culture";
                WritingBrowserIT.select(browser, ".picker-essay", words);
                until(
                        browser,
                        d -> d.findElement(By.cssSelector(".picker-status"))
                                .getText()
                                .contains("Selected"));
                assertEquals(words, picker.findElement(By.name("exact")).getDomProperty("value"));
                assertFalse(
                        picker.findElement(By.name("start"))
                                .getDomProperty("value")
                                .isEmpty(),
                        "the position is sent, not just words");
                new Select(picker.findElement(By.name("relation")))
                        .selectByVisibleText("This passage disputes that one");
                double left = ((Number)
                                js(browser, "return document.querySelector('.picker').getBoundingClientRect().left;"))
                        .doubleValue();
                double textRight = ((Number) js(
                                browser, "return document.getElementById('essay-text').getBoundingClientRect().right;"))
                        .doubleValue();
                if (phone) {
                    assertEquals(0.0, left, 1.0, "full screen on a phone");
                    keep(browser, "picker-phone");
                } else {
                    assertTrue(
                            left >= textRight - 1, "beside the essay on a wide screen: " + left + " vs " + textRight);
                    keep(browser, "picker-wide");
                }
                Browser.clickAndWait(browser, picker.findElement(By.xpath(".//button[normalize-space()='Save link']")));
                WebElement linked = card(browser, id).findElement(By.cssSelector("li.connection.link"));
                assertTrue(linked.getText().contains(words), linked.getText());
                assertTrue(linked.getText().toLowerCase().contains("disputes"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void countsAgreeTheHintShowsOnceAndThePreviewIsTheServersAndGuarded() {
        WebClient gus = member("Gus");
        note(gus, "substantial abuses of state power", "Counted once.");
        for (String slug : List.of(SLUG, OTHER)) {
            org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(app.get("/").body());
            String listed = home.select("a[href=\"/essays/" + slug + "\"]")
                    .first()
                    .closest("li")
                    .text();
            String header = org.jsoup.Jsoup.parse(app.get("/essays/" + slug).body())
                    .selectFirst(".note-count")
                    .text();
            assertTrue(listed.contains(header), "the home page says what the essay says: " + header + " / " + listed);
        }
        WebClient reader = app.client();
        assertTrue(reader.get(ESSAY).body().contains("first-hint"), "how to annotate, on a first visit");
        assertFalse(reader.get(ESSAY).body().contains("first-hint"), "and only once");

        HttpResponse<String> preview = gus.submit(
                ESSAY, "/preview", Map.of("body", "*so* <img src=x onerror=alert(1)> [l](javascript:alert(1))"));
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("<em>so</em>"), preview.body());
        assertFalse(preview.body().contains("<img") || preview.body().contains("href=\"javascript"), preview.body());
        assertEquals(
                403,
                gus.postForm("/preview", Map.of("body", "no token")).statusCode(),
                "the preview is CSRF-protected");
    }

    private static Object newMain() {
        try {
            var c = Main.class.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
