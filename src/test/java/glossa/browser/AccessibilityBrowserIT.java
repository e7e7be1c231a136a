package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (Deque's engine, run inside the page) finds no serious or critical violation on any kind of
 * page, at a wide and at a phone's width.
 */
class AccessibilityBrowserIT {

    private static final String SLUG = "stalinisms-long-shadow";
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyKindOfPageHasNoSeriousOrCriticalViolations() {
        WebClient writer = app.client();
        assertEquals(303, writer.signUp("Axel", Browser.PASSWORD).statusCode());
        HttpResponse<String> made = writer.submit(
                "/essays/" + SLUG,
                "/essays/" + SLUG + "/annotations",
                Map.of("exact", "Kristen Ghodsee", "body", "A *note* to check.", "tags", "check", "kind", "question"));
        String at = made.headers().firstValue("Location").orElseThrow();
        String noteId = at.substring(at.indexOf("#a-") + 3);
        WebClient replier = app.client();
        assertEquals(303, replier.signUp("Bea", Browser.PASSWORD).statusCode());
        assertEquals(
                303,
                replier.submit(
                                "/annotations/" + noteId,
                                "/annotations/" + noteId + "/replies",
                                Map.of("body", "A reply to check."))
                        .statusCode());
        String claim = org.jsoup.Jsoup.parse(app.get("/claims").body())
                .select("main a[href^=/claims/]")
                .first()
                .attr("href");
        String compare = org.jsoup.Jsoup.parse(app.get("/essays/" + SLUG).body())
                .select("a.compare[href^=/compare/]")
                .first()
                .attr("href");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("sign-in", "/signin");
        pages.put("sign-up", "/signup");
        pages.put("home", "/");
        pages.put("essay", "/essays/" + SLUG);
        pages.put("note", "/annotations/" + noteId);
        pages.put("claim list", "/claims");
        pages.put("claim", claim);
        pages.put("synopsis", "/synopsis");
        pages.put("compare", compare.replaceAll("#.*", ""));
        pages.put("profile", "/users/Axel");
        pages.put("link form", "/annotations/" + noteId + "/link");
        pages.put("delete step", "/annotations/" + noteId + "/delete");
        pages.put("tag index", "/tags");
        pages.put("tag", "/tags/check");
        pages.put("notifications", "/notifications");
        pages.put("recent changes", "/changes");

        List<String> found = new ArrayList<>();
        for (boolean phone : new boolean[] {false, true}) {
            ChromeDriver browser = Browser.open(1440, 1000);
            try {
                if (phone) {
                    Browser.phone(browser);
                }
                boolean signedIn = false;
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    if (!signedIn && !page.getKey().startsWith("sign")) {
                        Browser.signIn(browser, app.baseUrl(), "Axel", Browser.PASSWORD);
                        signedIn = true;
                    }
                    browser.get(app.baseUrl() + page.getValue());
                    assertTrue(
                            browser.findElements(By.cssSelector("main")).size() == 1, page.getKey() + " has one main");
                    Results results = new AxeBuilder().analyze(browser);
                    assertTrue(results.getPasses().size() > 10, "axe-core ran its rules on " + page.getKey());
                    for (Rule rule : results.getViolations()) {
                        if (BLOCKING.contains(rule.getImpact())) {
                            found.add((phone ? "390 px " : "1440 px ") + page.getKey() + ": " + rule.getId() + " ("
                                    + rule.getImpact() + ") on "
                                    + rule.getNodes().size() + " nodes, e.g. "
                                    + rule.getNodes().get(0).getTarget() + " " + rule.getHelp());
                        }
                    }
                }
            } finally {
                browser.quit();
            }
        }
        assertTrue(found.isEmpty(), "axe-core violations:\n" + String.join("\n", found));
    }
}
