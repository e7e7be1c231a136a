package glossa.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links from notes and claim pages through the forms, with their rules. */
class LinksAndClaimsIT {

    private TestApp app;
    private WebClient anna;

    @BeforeEach
    void start() {
        app = TestApp.withProjectCorpus();
        anna = app.member("Anna");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long note(String slug, String exact) {
        return anna.note(slug, exact, "A note.", "", "comment");
    }

    private HttpResponse<String> link(long from, String essay, String exact, String relation) {
        Map<String, String> f = new HashMap<>();
        f.put("essay", essay);
        f.put("exact", exact);
        f.put("relation", relation);
        f.put("comment", "Compare the dates.");
        return anna.submit("/annotations/" + from + "/link", "/annotations/" + from + "/links", f);
    }

    @Test
    void aLinkShowsInBothEssaysMarginsAndTheFarEndLinksBack() {
        long from = note("stalinism-doesnt-equal-socialism", "Leon Trotsky was murdered while in exile in Mexico.");
        HttpResponse<String> res = link(
                from, "stalinisms-long-shadow", "a Stalinist agent assassinated him with an ice pick", "same-event");
        assertEquals(303, res.statusCode(), res.body());
        Document here =
                Jsoup.parse(app.get("/essays/stalinism-doesnt-equal-socialism").body());
        String card = here.selectFirst("#a-" + from).text();
        assertTrue(
                card.contains("Another account of the same event") && card.contains("Stalinism’s long shadow"), card);
        assertTrue(card.contains("Tomáš Tengely-Evans"), "the other essay's author");
        assertTrue(card.contains("a Stalinist agent assassinated him"), "the first words of the other passage");
        Document there = Jsoup.parse(app.get("/essays/stalinisms-long-shadow").body());
        assertTrue(
                there.select("#essay-text li.connection.link").stream()
                        .anyMatch(li -> li.text().contains("Stalinism Doesn’t Equal Socialism")
                                && li.selectFirst("a.follow").attr("href").contains("#a-" + from)),
                "the far end shows the link back");
    }

    @Test
    void badLinksAreRefusedWithAMessage() {
        long from = note("stalinism-doesnt-equal-socialism", "Leon Trotsky was murdered while in exile in Mexico.");
        assertError(link(from, "stalinisms-long-shadow", "words that are nowhere", "same-event"), "not in the essay");
        assertError(link(from, "stalinisms-long-shadow", "ice pick", "is-friends-with"), "Unknown relation");
        assertError(
                link(from, "stalinism-doesnt-equal-socialism", "Leon Trotsky was murdered", "agrees-with"),
                "own passage");
        assertError(link(from, "", "ice pick", "agrees-with"), "Choose an essay");
        assertTrue(
                Jsoup.parse(app.get("/essays/stalinism-doesnt-equal-socialism").body())
                        .select("#a-" + from + " li.connection")
                        .isEmpty(),
                "nothing was made");
    }

    private static void assertError(HttpResponse<String> res, String text) {
        assertEquals(422, res.statusCode(), res.body());
        assertTrue(
                Jsoup.parse(res.body()).select(".error").text().contains(text),
                Jsoup.parse(res.body()).select(".error").text());
    }

    @Test
    void deletingANoteThatCarriesLinksIsRefusedWithAReason() {
        long from = note("stalinism-doesnt-equal-socialism", "Leon Trotsky was murdered while in exile in Mexico.");
        link(from, "stalinisms-long-shadow", "a Stalinist agent assassinated him with an ice pick", "same-event");
        HttpResponse<String> res = anna.submit("/annotations/" + from, "/annotations/" + from + "/delete", Map.of());
        assertEquals(409, res.statusCode());
        assertTrue(res.body().contains("carries links"), "the deletion is refused with a message");
        assertNotNull(
                Jsoup.parse(app.get("/essays/stalinism-doesnt-equal-socialism").body())
                        .selectFirst("#a-" + from));
    }

    @Test
    void theCompareViewListsLinkedPassagesInPairs() {
        Document doc = Jsoup.parse(app.get("/compare/breaking-from-stalinism/stalinisms-long-shadow")
                .body());
        assertTrue(doc.select("ol.link-pairs li").size() >= 2);
        String from = doc.selectFirst("ol.link-pairs li").attr("data-from");
        assertNotNull(doc.selectFirst("#compare-a mark[data-a~=" + from + "]"), "the left passage is marked");
        assertEquals(404, app.get("/compare/breaking-from-stalinism/no-such").statusCode());
    }

    @Test
    void claimTitlesMustBePresentShortAndUnique() {
        assertClaimError(Map.of("title", "  ", "description", "x"), 422, "needs a title");
        assertClaimError(Map.of("title", "x".repeat(201), "description", "x"), 422, "at most 200");
        assertClaimError(Map.of("title", "the october revolution of 1917", "description", "x"), 409, "already a claim");
        HttpResponse<String> ok = anna.submit(
                "/claims/new",
                "/claims",
                Map.of("title", "The Moscow trials", "description", "First text.", "summary", "new"));
        assertEquals(303, ok.statusCode());
        assertEquals(
                "/claims/the-moscow-trials", ok.headers().firstValue("Location").orElseThrow());
    }

    private void assertClaimError(Map<String, String> fields, int status, String text) {
        HttpResponse<String> res = anna.submit("/claims/new", "/claims", fields);
        assertEquals(status, res.statusCode());
        assertTrue(
                Jsoup.parse(res.body()).select(".error").text().contains(text),
                res.body().length() > 0 ? text : "");
        assertEquals(
                fields.get("title"),
                Jsoup.parse(res.body()).selectFirst("input[name=title]").attr("value"),
                "the form keeps the input");
    }

    @Test
    void everyEditIsARevisionWithADiffAndModeratorsRevert() throws Exception {
        String page = "/claims/israel-1948";
        assertEquals(
                303,
                anna.submit(
                                page + "/edit",
                                page + "/edit",
                                Map.of(
                                        "title",
                                        "Soviet support for the founding of Israel in 1948",
                                        "description",
                                        "A shorter description with a new sentence.",
                                        "summary",
                                        "Shortened",
                                        "base",
                                        "1"))
                        .statusCode());
        Document history = Jsoup.parse(app.get(page + "/history").body());
        assertEquals(2, history.select("tbody tr").size());
        assertTrue(history.text().contains("Shortened") && history.text().contains("Anna"));
        Document diff = Jsoup.parse(app.get(page + "/diff?from=1&to=2").body());
        assertTrue(
                diff.select(".diff-text ins").text().contains("new sentence"),
                diff.select(".diff-text").html());
        assertTrue(diff.select(".diff-text del").size() > 0);
        HttpResponse<String> stale = anna.submit(
                page + "/edit",
                page + "/edit",
                Map.of(
                        "title",
                        "Soviet support for the founding of Israel in 1948",
                        "description",
                        "Lost?",
                        "summary",
                        "",
                        "base",
                        "1"));
        assertEquals(409, stale.statusCode(), "an edit on an old revision is refused");
        assertEquals(
                "Lost?",
                Jsoup.parse(stale.body())
                        .selectFirst("textarea[name=description]")
                        .text(),
                "and keeps the text");

        assertEquals(
                403,
                anna.submit(page + "/history", page + "/revert", Map.of("revision", "1"))
                        .statusCode(),
                "members cannot revert");
        WebClient mod = glossa.annotations.TokensCliAccess.moderator(app, "Mod");
        assertEquals(
                303,
                mod.submit(page + "/history", page + "/revert", Map.of("revision", "1"))
                        .statusCode());
        Document after = Jsoup.parse(app.get(page).body());
        assertTrue(
                after.selectFirst(".claim-description").text().startsWith("The Soviet Union voted for the partition"));
        assertTrue(Jsoup.parse(app.get(page + "/history").body()).text().contains("Reverted to revision 1"));
    }

    @Test
    void readersGatherMorePassagesOnAClaim() {
        HttpResponse<String> res = anna.submit(
                "/claims/show-trials",
                "/claims/show-trials/passages",
                Map.of(
                        "essay",
                        "stalinism-doesnt-equal-socialism",
                        "exact",
                        "many rank-and-file communists were purged from the Communist Party",
                        "stance",
                        "account"));
        assertEquals(303, res.statusCode());
        assertTrue(app.get("/claims/show-trials").body().contains("many rank-and-file communists were purged"));
        assertEquals(
                422,
                anna.submit(
                                "/claims/show-trials",
                                "/claims/show-trials/passages",
                                Map.of(
                                        "essay",
                                        "stalinism-doesnt-equal-socialism",
                                        "exact",
                                        "not in it at all",
                                        "stance",
                                        "account"))
                        .statusCode());
    }
}
