package glossa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.TestApp;
import glossa.WebClient;
import glossa.annotations.TokensCliAccess;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The search page and API against a real server with the project's five essays and starter content.
 * Searches that write nothing share one server ({@link Reading}); each test that writes has its own
 * ({@link Writing}), so that no test sees another's notes.
 */
class SearchIT {

    /** How long a write may take to show; the indexer polls every 300 ms, the margin is for a loaded machine. */
    private static final long FRESH_WITHIN_MS = 5_000;

    private static Document search(TestApp app, String q) {
        return search(app, q, null);
    }

    private static Document search(TestApp app, String q, String page) {
        HttpResponse<String> res = app.get("/search?q=" + enc(q) + (page == null ? "" : "&page=" + enc(page)));
        assertEquals(200, res.statusCode(), res.body());
        return Jsoup.parse(res.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<Element> hits(Document page) {
        return page.select("li.search-hit");
    }

    /** Searches on a server nobody writes to. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Reading {

        private TestApp app;

        @BeforeAll
        void start() {
            app = TestApp.withProjectCorpus();
        }

        @AfterAll
        void stop() {
            app.close();
        }

        private Document search(String q) {
            return SearchIT.search(app, q);
        }

        private Document search(String q, String page) {
            return SearchIT.search(app, q, page);
        }

        @Test
        void aPhraseFindsThePassageWithHighlightedWordsAndOpensItWithATextFragment() {
            Document page = search("\"show trials\"");
            List<Element> hits = hits(page);
            assertFalse(hits.isEmpty());
            List<Element> passages = page.select("section[aria-label=Passages] li.search-hit");
            assertFalse(passages.isEmpty());
            for (Element hit : passages) {
                String marked =
                        String.join(" ", hit.select(".snippet mark").eachText()).toLowerCase();
                assertTrue(
                        marked.contains("show") && marked.contains("trial"), "every hit has the phrase: " + hit.text());
            }
            String href =
                    page.selectFirst("section[aria-label=Passages] a.hit-title").attr("href");
            assertTrue(href.matches("/essays/[a-z0-9-]+#p\\d+:~:text=.+"), href);
            assertEquals(200, app.get(href.substring(0, href.indexOf('#'))).statusCode());
            assertTrue(
                    search("\"trials show\"")
                                    .select("section[aria-label=Passages] li")
                                    .size()
                            < passages.size(),
                    "word order counts in a phrase");
        }

        @Test
        void stemmingFoldingAndPrefixesMeetTheText() {
            // "Tomáš Tengely-Evans" wrote "Stalinism's long shadow"; readers type without accents.
            Document byAuthor = search("author:tomas abortion");
            assertFalse(hits(byAuthor).isEmpty());
            assertTrue(hits(byAuthor).stream().allMatch(h -> h.text().contains("Tomáš Tengely-Evans")));
            assertFalse(hits(search("recriminalise*")).isEmpty(), "prefix");
            assertFalse(hits(search("banning abortions")).isEmpty(), "stemmed: ban, abortion");
        }

        @Test
        void filtersNarrowAndFacetsCount() {
            Document all = search("abortion");
            Document one = search("abortion essay:stalinisms-long-shadow");
            assertTrue(hits(one).size() < hits(all).size());
            assertFalse(hits(one).isEmpty());
            assertTrue(
                    one.select("section[aria-label=Passages] li").stream()
                            .allMatch(h -> h.select(".hit-meta").text().contains("Stalinism’s long shadow")),
                    one.text());

            Element essays = all.select("aside.facets h2").stream()
                    .filter(h -> h.text().equals("Essay"))
                    .findFirst()
                    .orElseThrow();
            Element stalinism = essays.nextElementSibling().select("a").stream()
                    .filter(a -> a.text().equals("Stalinism’s long shadow"))
                    .findFirst()
                    .orElseThrow();
            String count = stalinism.parent().selectFirst(".count").text();
            assertEquals(
                    "(" + one.selectFirst("#results-heading").text().replaceAll("\\D", "") + ")",
                    count,
                    "the facet counts what its filter finds");
            assertTrue(stalinism.attr("href").contains("essay%3Astalinisms-long-shadow")
                    || stalinism.attr("href").contains("essay:stalinisms-long-shadow"));

            Document claims = search("kind:claim abortion");
            assertFalse(hits(claims).isEmpty());
            assertTrue(claims.select("section.search-group").stream()
                    .allMatch(s -> s.attr("aria-label").equals("Claims")));
            assertTrue(hits(search("abortion -abortion")).isEmpty(), "exclusion");
            Document without = search("abortion kind:passage -essay:stalinisms-long-shadow");
            assertFalse(hits(without).isEmpty());
            assertTrue(hits(without).stream()
                    .noneMatch(h -> h.select(".hit-meta").text().contains("Stalinism’s long shadow")));
        }

        @Test
        void resultsArePagedAndGroupedByKind() {
            Document first = search("stalin");
            assertEquals(
                    "Page 1 of "
                            + first.selectFirst("nav.search-pages span").text().replaceAll(".* of ", ""),
                    first.selectFirst("nav.search-pages span").text());
            assertEquals(SearchService.PAGE_SIZE, hits(first).size());
            Document second = search("stalin", "2");
            assertNotEquals(hits(first).get(0).text(), hits(second).get(0).text());
            assertTrue(second.selectFirst("nav.search-pages a[rel=prev]") != null);
            for (String odd : List.of("abc", "-3", "0", "99999999999999", "1e3")) {
                assertEquals(200, app.get("/search?q=stalin&page=" + enc(odd)).statusCode(), odd);
            }
        }

        @Test
        void oddQueriesGetAPageWithAHintNeverAnErrorNorMarkup() {
            String longQuery = "abortion ".repeat(223);
            for (String q : List.of(
                    "\"",
                    "(",
                    ")",
                    "AND",
                    "OR NOT",
                    "*",
                    "?",
                    "essay:",
                    "kind:",
                    "author:\"",
                    "a:b:c",
                    "\\",
                    "~",
                    "^2",
                    "[a TO",
                    "{",
                    "/regex",
                    "-",
                    "--",
                    "!",
                    "&&",
                    "stalin*~2",
                    longQuery,
                    "<script>alert(1)</script>",
                    "\"<b>x</b>",
                    "essay:(",
                    "foo:bar",
                    "title:x",
                    "\u0000",
                    "😀 abortion")) {
                HttpResponse<String> res = app.get("/search?q=" + enc(q));
                assertEquals(200, res.statusCode(), q);
                assertFalse(res.body().contains("<script>alert"), "never echoed as markup: " + q);
                assertFalse(res.body().contains("<b>x</b>"), q);
                HttpResponse<String> api = app.get("/api/search?q=" + enc(q));
                assertEquals(200, api.statusCode(), q);
            }
            Document quote = search("\"");
            assertNotNull(quote.selectFirst(".search-hint"), "a malformed query gets a hint");
            assertTrue(search("(abortion").selectFirst(".search-hint").text().contains("could not be read"));
            assertFalse(hits(search("(abortion")).isEmpty(), "its words are still searched");
            Document script = search("<script>alert(1)</script>");
            assertEquals(
                    "<script>alert(1)</script>",
                    script.selectFirst("#search-q").attr("value"),
                    "the query is kept as text");
            assertNotNull(search(longQuery).selectFirst(".search-hint"), "a long query is cut and says so");
            assertEquals(200, app.get("/search").statusCode());
        }

        @Test
        void theApiGivesTheSameResultsAsJson() throws Exception {
            HttpResponse<String> res = app.get("/api/search?q=" + enc("\"show trials\""));
            assertEquals(200, res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            JsonNode json = new ObjectMapper().readTree(res.body());
            Document page = search("\"show trials\"");
            assertEquals(
                    Integer.parseInt(page.selectFirst("#results-heading").text().replaceAll("\\D", "")),
                    json.get("total").asInt());
            JsonNode firstHit = null;
            for (JsonNode group : json.get("groups")) {
                if (group.get("kind").asText().equals("passage")) {
                    firstHit = group.get("hits").get(0);
                }
            }
            assertEquals(
                    page.selectFirst("section[aria-label=Passages] a.hit-title").attr("href"),
                    firstHit.get("url").asText());
            assertTrue(firstHit.get("snippet").get("html").asText().contains("<mark>"));
            assertTrue(json.get("facets").has("essay"));
        }
    }

    /** Each test writes, on a server of its own. */
    @Nested
    class Writing {

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

        private Document search(String q) {
            return SearchIT.search(app, q);
        }

        private long note(String slug, String exact, String body, String tags) {
            return anna.note(slug, exact, body, tags, "comment");
        }

        /** Polls the search page until {@code condition} holds, failing after {@link #FRESH_WITHIN_MS}. */
        private Document eventually(String q, Predicate<Document> condition, String what) throws InterruptedException {
            long deadline = System.currentTimeMillis() + FRESH_WITHIN_MS;
            Document page = search(q);
            while (!condition.test(page)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError(what + " within " + FRESH_WITHIN_MS + " ms; page: "
                            + page.select("main").text());
                }
                Thread.sleep(50);
                page = search(q);
            }
            return page;
        }

        @Test
        void aNoteShowsAfterItIsWrittenAndFollowsItsEditAndDeletion() throws Exception {
            long id = note("breaking-from-stalinism", "women’s delegates", "The zemstvo quillwort decree.", "zebras");
            Document found = eventually("quillwort", p -> !hits(p).isEmpty(), "a new note is found");
            assertTrue(found.selectFirst("section[aria-label=Notes] a.hit-title")
                    .attr("href")
                    .equals("/annotations/" + id));
            assertTrue(found.select("aside.facets a").eachText().contains("zebras"), "tags are facets");
            assertFalse(hits(search("tag:zebras")).isEmpty());

            assertEquals(
                    303,
                    anna.submit(
                                    "/annotations/" + id,
                                    "/annotations/" + id + "/edit",
                                    Map.of(
                                            "body",
                                            "The zemstvo bladderwort decree.",
                                            "tags",
                                            "zebras",
                                            "kind",
                                            "comment",
                                            "version",
                                            "1"))
                            .statusCode());
            eventually("bladderwort", p -> !hits(p).isEmpty(), "the edited words are found");
            eventually("quillwort", p -> hits(p).isEmpty(), "the old words are gone");

            assertEquals(
                    303,
                    anna.submit("/annotations/" + id, "/annotations/" + id + "/delete", Map.of())
                            .statusCode());
            eventually("bladderwort", p -> hits(p).isEmpty(), "a deleted note is gone");
        }

        @Test
        void hiddenNotesNeverAppearAndRestoredOnesReturn() throws Exception {
            long id = note("breaking-from-stalinism", "women’s delegates", "Buy cheap marmalade now.", "");
            eventually("marmalade", p -> hits(p).size() == 1, "the note is found");
            WebClient mod = TokensCliAccess.moderator(app, "Mod");
            assertEquals(
                    303,
                    mod.submit("/annotations/" + id, "/annotations/" + id + "/hide", Map.of())
                            .statusCode());
            eventually("marmalade", p -> hits(p).isEmpty(), "a hidden note is gone");
            assertEquals(
                    303,
                    mod.submit("/annotations/" + id, "/annotations/" + id + "/restore", Map.of())
                            .statusCode());
            eventually("marmalade", p -> hits(p).size() == 1, "a restored note is back");
        }

        @Test
        void replyAndClaimEditsAreFoundToo() throws Exception {
            long id = note("breaking-from-stalinism", "women’s delegates", "A note.", "");
            assertEquals(
                    303,
                    anna.submit(
                                    "/annotations/" + id,
                                    "/annotations/" + id + "/replies",
                                    Map.of("body", "A reply about periwinkles."))
                            .statusCode());
            eventually("periwinkles kind:reply", p -> hits(p).size() == 1, "a reply is found");
        }

        @Test
        void snippetsAreEscapedWithOnlyMarksAsMarkup() throws Exception {
            note(
                    "breaking-from-stalinism",
                    "women’s delegates",
                    "Try <script>alert('x')</script> and <img src=x onerror=y> rutabaga.",
                    "");
            Document page = eventually("rutabaga", p -> !hits(p).isEmpty(), "the note is found");
            Element snippet = page.selectFirst("section[aria-label=Notes] .snippet");
            assertTrue(
                    snippet.select("*").stream()
                            .allMatch(e -> e == snippet || e.tagName().equals("mark")),
                    snippet.html());
            assertTrue(snippet.text().contains("<script>"), "shown as text");
        }

        @Test
        void theLinkFormSuggestsTheOtherAccountsOfTheAbortionBanAndLinksInOneClick() {
            long id = note(
                    "breaking-from-stalinism",
                    "led me to believe abortion was only recriminalized in the USSR because women’s delegates deemed it to be unsafe",
                    "Why?",
                    "");
            Document form = Jsoup.parse(anna.get("/annotations/" + id + "/link").body());
            List<Element> suggestions = form.select("section.suggestions li.suggestion");
            assertTrue(suggestions.size() <= SearchService.SUGGESTIONS && !suggestions.isEmpty());
            Element shadow = suggestions.stream()
                    .filter(s -> s.select("input[name=essay]").val().equals("stalinisms-long-shadow")
                            && s.selectFirst("blockquote").text().contains("banned abortion in 1936"))
                    .findFirst()
                    .orElse(null);
            assertNotNull(shadow, "Stalinism’s long shadow’s account is suggested: " + suggestions);
            Document marxism = Jsoup.parse(
                    app.get("/essays/how-stalinism-distorted-marxism").body());
            assertTrue(
                    suggestions.stream()
                            .filter(s -> s.select("input[name=essay]").val().equals("how-stalinism-distorted-marxism"))
                            .map(s -> s.selectFirst("a").attr("href").replaceAll(".*#(p\\d+).*", "$1"))
                            .anyMatch(
                                    p -> marxism.getElementById(p).text().contains("Abortion and divorce were banned")),
                    "How Stalinism distorted Marxism’s account is suggested: " + suggestions);
            assertTrue(
                    suggestions.stream()
                            .noneMatch(s -> s.select("input[name=essay]").val().equals("breaking-from-stalinism")),
                    "only other essays");

            Map<String, String> fields = new java.util.HashMap<>();
            for (Element input : shadow.select("input[name], select[name]")) {
                fields.put(input.attr("name"), input.tagName().equals("select") ? "same-event" : input.val());
            }
            HttpResponse<String> linked =
                    anna.postForm(shadow.selectFirst("form").attr("action"), fields);
            assertEquals(303, linked.statusCode(), linked.body());
            assertTrue(app.get("/essays/stalinisms-long-shadow").body().contains("another account of the same event"));
        }

        @Test
        void aClaimPageListsUnlinkedMentionsThatMembersAttachInOneClick() {
            Document claim = Jsoup.parse(anna.get("/claims/abortion-ban-1936").body());
            List<Element> mentions = claim.select("section.unlinked li.suggestion");
            assertFalse(mentions.isEmpty());
            assertTrue(
                    mentions.stream()
                            .noneMatch(m ->
                                    m.selectFirst("blockquote").text().contains("Abortion and divorce were banned")),
                    "passages already gathered are not mentions");
            Element first = mentions.get(0);
            String quote = first.selectFirst("input[name=exact]").val();
            Map<String, String> fields = Map.of(
                    "_csrf",
                    first.selectFirst("input[name=_csrf]").val(),
                    "essay",
                    first.selectFirst("input[name=essay]").val(),
                    "exact",
                    quote,
                    "stance",
                    "account");
            assertEquals(
                    303,
                    anna.postForm(first.selectFirst("form").attr("action"), fields)
                            .statusCode());
            Document after = Jsoup.parse(anna.get("/claims/abortion-ban-1936").body());
            assertTrue(
                    after.select("section.unlinked blockquote").eachText().stream()
                            .noneMatch(t -> t.equals(quote)),
                    "attached, no longer a mention");
            assertTrue(
                    Jsoup.parse(app.get("/claims/abortion-ban-1936").body())
                            .select("section.unlinked form")
                            .isEmpty(),
                    "readers see no form");
        }
    }
}
