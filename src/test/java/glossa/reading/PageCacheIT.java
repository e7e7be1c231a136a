package glossa.reading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import glossa.TestApp;
import glossa.WebClient;
import glossa.annotations.TokensCliAccess;
import glossa.storage.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache over HTTP: every kind of write shows on the next view, revisits are answered 304 until
 * something changes, no reader sees another's controls or token, and the headers say who may keep a page.
 */
class PageCacheIT {

    static final String ESSAY = "/essays/stalinism-doesnt-equal-socialism";
    static final String OTHER = "/essays/stalinisms-long-shadow";
    static final String PASSWORD = "correct horse battery";

    private String db;
    private TestApp app;
    private WebClient anna;

    @BeforeEach
    void start() {
        db = "jdbc:h2:mem:pagecache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db);
        anna = app.client();
        anna.signUp("Anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long note(WebClient who, String exact, String body) {
        HttpResponse<String> res = who.submit(
                ESSAY + "/annotate",
                ESSAY + "/annotations",
                Map.of("exact", exact, "body", body, "tags", "", "kind", "comment"));
        assertEquals(303, res.statusCode(), res.body());
        String loc = res.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.substring(loc.indexOf("#a-") + 3));
    }

    private Document page(WebClient who, String path) {
        HttpResponse<String> res = who.get(path);
        assertEquals(200, res.statusCode(), path);
        return Jsoup.parse(res.body());
    }

    private static HttpResponse<byte[]> get(WebClient who, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(who.uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return who.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyKindOfWriteShowsOnTheNextView() throws Exception {
        WebClient boris = app.client();
        boris.signUp("Boris", PASSWORD);
        page(app.client(), ESSAY); // cached before any write
        page(anna, ESSAY);

        long id = note(anna, "Leon Trotsky was murdered while in exile in Mexico.", "First words of the note.");
        assertTrue(
                page(app.client(), ESSAY).selectFirst("#a-" + id).text().contains("First words of the note."),
                "a new note");

        assertEquals(
                303,
                boris.submit(
                                "/annotations/" + id,
                                "/annotations/" + id + "/replies",
                                Map.of("body", "A reply by Boris."))
                        .statusCode());
        assertTrue(page(app.client(), ESSAY).selectFirst("#a-" + id).text().contains("A reply by Boris."), "a reply");

        assertEquals(
                303,
                anna.submit(
                                "/annotations/" + id,
                                "/annotations/" + id + "/edit",
                                Map.of("body", "Edited words.", "tags", "", "kind", "comment"))
                        .statusCode());
        assertTrue(page(anna, ESSAY).selectFirst("#a-" + id).text().contains("Edited words."), "an edit");

        HttpResponse<String> linked = anna.submit(
                "/annotations/" + id + "/link",
                "/annotations/" + id + "/links",
                Map.of(
                        "essay",
                        "stalinisms-long-shadow",
                        "exact",
                        "a Stalinist agent assassinated him with an ice pick",
                        "relation",
                        "same-event",
                        "comment",
                        ""));
        assertEquals(303, linked.statusCode(), linked.body());
        Element link = page(app.client(), ESSAY).selectFirst("#a-" + id + " li.connection.link");
        assertNotNull(link, "a link, on this essay's page");
        assertFalse(page(app.client(), OTHER).select("li.connection.link").isEmpty(), "and on the other essay's");
        String linkId = link.attr("data-l");
        assertEquals(
                303,
                anna.submit("/links/" + linkId + "/remove", "/links/" + linkId + "/delete", Map.of())
                        .statusCode());
        assertNull(page(app.client(), ESSAY).selectFirst("#a-" + id + " li.connection.link"), "an unlink");

        TokensCliAccess.addModerator(app, "Mod");
        WebClient mod = app.client();
        mod.signIn("Mod", "moderator password");
        page(mod, ESSAY);
        assertEquals(
                303,
                mod.submit("/annotations/" + id, "/annotations/" + id + "/hide", Map.of())
                        .statusCode());
        assertNull(page(app.client(), ESSAY).selectFirst("#a-" + id), "a hidden note");
        assertEquals(
                303,
                mod.submit("/annotations/" + id, "/annotations/" + id + "/restore", Map.of())
                        .statusCode());
        assertNotNull(page(app.client(), ESSAY).selectFirst("#a-" + id), "a restored note");

        String claim = "/claims/show-trials";
        page(app.client(), claim);
        assertEquals(
                303,
                anna.submit(
                                claim,
                                claim + "/passages",
                                Map.of(
                                        "essay",
                                        "stalinism-doesnt-equal-socialism",
                                        "exact",
                                        "many rank-and-file communists were purged from the Communist Party",
                                        "stance",
                                        "account"))
                        .statusCode());
        assertTrue(
                page(app.client(), claim).text().contains("many rank-and-file communists were purged"),
                "a passage on a claim");
        String title = page(app.client(), claim).selectFirst("h1").text();
        int revision = Integer.parseInt(
                page(anna, claim + "/edit").selectFirst("input[name=base]").attr("value"));
        assertEquals(
                303,
                anna.submit(
                                claim + "/edit",
                                claim + "/edit",
                                Map.of(
                                        "title",
                                        title + " of the thirties",
                                        "description",
                                        "A new description.",
                                        "summary",
                                        "retitled",
                                        "base",
                                        Integer.toString(revision)))
                        .statusCode());
        assertTrue(
                page(app.client(), claim).selectFirst("h1").text().endsWith("of the thirties"),
                "a claim edit, on the claim page");
        assertTrue(
                page(app.client(), ESSAY).select("li.connection.claim").text().contains("of the thirties"),
                "and in the margin of the essay whose passage it gathers");

        long second = note(anna, "Leon Trotsky", "To be deleted.");
        assertNotNull(page(app.client(), ESSAY).selectFirst("#a-" + second));
        assertEquals(
                303,
                anna.submit("/annotations/" + second, "/annotations/" + second + "/delete", Map.of())
                        .statusCode());
        assertNull(page(app.client(), ESSAY).selectFirst("#a-" + second), "a deletion");
    }

    @Test
    void headGetsTheHeadersOfAGetWithTheBodysLengthAndNoBody() {
        WebClient reader = app.client();
        get(reader, ESSAY); // a first visit may set cookies, which the tag takes in
        HttpResponse<byte[]> full = get(reader, ESSAY);
        HttpResponse<byte[]> head = reader.send(
                HttpRequest.newBuilder(reader.uri(ESSAY))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(
                Long.toString(full.body().length),
                head.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(
                full.headers().firstValue("ETag").orElseThrow(),
                head.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aNewRevisionOfTheEssayShowsOnTheNextView() {
        WebClient vera = app.client();
        vera.signUp("Vera", PASSWORD);
        assertEquals("0", glossa.editing.CliAccess.run(app.dbUrl(), "user", "role", "Vera", "editor")[0]);
        page(app.client(), ESSAY);
        String markdown = page(vera, ESSAY + "/edit")
                .selectFirst("textarea[name=markdown]")
                .text();
        int base = Integer.parseInt(
                page(vera, ESSAY + "/edit").selectFirst("input[name=base]").attr("value"));
        Map<String, String> f = new HashMap<>();
        f.put("markdown", markdown + "\n\nA closing sentence added by the editor.\n");
        f.put("summary", "a closing sentence");
        f.put("base", Integer.toString(base));
        f.put("action", "save");
        assertEquals(303, vera.submit(ESSAY + "/edit", ESSAY + "/edit", f).statusCode());
        assertTrue(page(app.client(), ESSAY)
                .selectFirst("#essay-text")
                .text()
                .contains("A closing sentence added by the editor."));
        assertTrue(
                app.get(ESSAY + ".txt").body().contains("A closing sentence added by the editor."),
                "and the plain text");
    }

    @Test
    void aWriteThroughAnotherServerOnTheSameDatabaseShowsWithinTheChangeFeedsPoll() throws InterruptedException {
        page(app.client(), ESSAY);
        try (TestApp second = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), db)) {
            WebClient there = second.client();
            there.signIn("Anna", PASSWORD);
            HttpResponse<String> res = there.submit(
                    ESSAY + "/annotate",
                    ESSAY + "/annotations",
                    Map.of(
                            "exact",
                            "Leon Trotsky was murdered while in exile in Mexico.",
                            "body",
                            "Written on the other server.",
                            "tags",
                            "",
                            "kind",
                            "comment"));
            assertEquals(303, res.statusCode(), res.body());
        }
        // This server remembers its page stamps until its change feed sees the write (a poll, 250 ms);
        // issue 15 asks for 1 s and tests for 2 s, as ScaleOutIT does.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
        boolean shown = false;
        while (!shown && System.nanoTime() < deadline) {
            shown = page(app.client(), ESSAY).text().contains("Written on the other server.");
            if (!shown) {
                Thread.sleep(50);
            }
        }
        assertTrue(shown, "shown within 2 s, through the change feed");
    }

    @Test
    void revisitsAre304UntilSomethingChanges() throws Exception {
        WebClient reader = app.client();
        page(reader, ESSAY); // the first visit sets the hint cookie; from now on the same page
        HttpResponse<byte[]> first = get(reader, ESSAY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "a strong ETag: " + etag);
        HttpResponse<byte[]> again = get(reader, ESSAY, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());

        // Last changed an hour ago: a date is then precise enough to answer If-Modified-Since.
        try (Database database = Database.open(app.dbUrl())) {
            database.jdbc()
                    .update(
                            "UPDATE essay SET page_changed_at = ? WHERE slug = ?",
                            OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0),
                            "stalinism-doesnt-equal-socialism");
        }
        // Written behind the server's back: it learns of it from its change feed (polled every 250 ms).
        app.app().changes().poll();
        String modified =
                get(reader, ESSAY).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, get(reader, ESSAY, "If-Modified-Since", modified).statusCode());

        note(anna, "Leon Trotsky was murdered while in exile in Mexico.", "A change.");
        HttpResponse<byte[]> changed = get(reader, ESSAY, "If-None-Match", etag);
        assertEquals(200, changed.statusCode(), "a changed page is sent whole");
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertTrue(new String(changed.body(), StandardCharsets.UTF_8).contains("A change."));
        assertEquals(200, get(reader, ESSAY, "If-Modified-Since", modified).statusCode());

        for (String path : new String[] {
            "/",
            "/claims/show-trials",
            "/synopsis",
            "/compare/breaking-from-stalinism/stalinisms-long-shadow",
            ESSAY + ".txt"
        }) {
            HttpResponse<byte[]> res = get(reader, path);
            assertEquals(200, res.statusCode(), path);
            String tag = res.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            assertTrue(res.headers().firstValue("Last-Modified").isPresent(), path);
            assertEquals(304, get(reader, path, "If-None-Match", tag).statusCode(), path);
        }
        String claimTag =
                get(reader, "/claims/show-trials").headers().firstValue("ETag").orElseThrow();
        assertEquals(
                303,
                anna.submit(
                                "/claims/show-trials",
                                "/claims/show-trials/passages",
                                Map.of(
                                        "essay",
                                        "stalinism-doesnt-equal-socialism",
                                        "exact",
                                        "many rank-and-file communists were purged from the Communist Party",
                                        "stance",
                                        "account"))
                        .statusCode());
        assertEquals(
                200,
                get(reader, "/claims/show-trials", "If-None-Match", claimTag).statusCode(),
                "the claim changed");
    }

    @Test
    void noReaderSeesAnothersControlsOrToken() {
        WebClient boris = app.client();
        boris.signUp("Boris", PASSWORD);
        long id = note(anna, "Leon Trotsky was murdered while in exile in Mexico.", "Anna's own note.");
        String annaToken = anna.csrfToken(ESSAY + "/annotate");
        String borisToken = boris.csrfToken(ESSAY + "/annotate");
        assertNotEquals(annaToken, borisToken);

        for (int round = 0; round < 2; round++) { // built for the first reader, served from the cache to the others
            Document annas = page(anna, ESSAY);
            assertEquals("Anna", annas.selectFirst(".account-nav .account-name").text());
            assertEquals(annaToken, annas.selectFirst("[data-csrf]").attr("data-csrf"));
            annas.select("input[name=_csrf]").forEach(i -> assertEquals(annaToken, i.attr("value")));
            assertTrue(
                    annas.selectFirst("#reader-data").data().contains("\"" + id + "\""),
                    "her own note is named for her controls");

            String borisHtml = boris.get(ESSAY).body();
            Document boriss = Jsoup.parse(borisHtml);
            assertEquals(
                    "Boris", boriss.selectFirst(".account-nav .account-name").text());
            assertFalse(borisHtml.contains(annaToken), "never another reader's token");
            assertFalse(
                    borisHtml.contains("Anna's own note.\"")
                            || boriss.select("[data-source]").size() > 0,
                    "nor her Markdown source");
            assertFalse(
                    boriss.selectFirst("#reader-data").data().contains("\"" + id + "\""), "nor her note among his own");
            assertTrue(
                    boriss.select("#a-" + id + " a.act-edit, #a-" + id + " a.act-delete")
                            .isEmpty(),
                    "nor Edit and Delete on her note");
            boriss.select("input[name=_csrf]").forEach(i -> assertEquals(borisToken, i.attr("value")));
            assertEquals(borisToken, boriss.selectFirst("[data-csrf]").attr("data-csrf"));

            String anonymous = app.get(ESSAY).body();
            Document anon = Jsoup.parse(anonymous);
            assertFalse(anonymous.contains(annaToken) || anonymous.contains(borisToken));
            assertTrue(
                    anon.select("[data-csrf], input[name=_csrf], #reader-data, .account-name")
                            .isEmpty(),
                    "nothing of anyone's");
            assertNotNull(anon.selectFirst(".account-nav a[href^=/signin]"));
        }
        assertNotEquals(
                anna.get(ESSAY).headers().firstValue("ETag"),
                boris.get(ESSAY).headers().firstValue("ETag"),
                "each reader's page has its own tag, so no cache hands one reader's page to another");
    }

    @Test
    void headersSayWhoMayKeepThePageAndCompressedFormsAreTheSamePage() throws IOException {
        HttpResponse<byte[]> anonymous = get(app.client(), ESSAY, "Cookie", "glossa_hint=seen");
        assertEquals(
                "public, no-cache",
                anonymous.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(anonymous.headers().firstValue("Vary").orElseThrow().contains("Cookie"));
        HttpResponse<byte[]> own = get(anna, ESSAY);
        assertEquals(
                "private, no-cache", own.headers().firstValue("Cache-Control").orElseThrow());

        byte[] gzip = get(app.client(), ESSAY, "Cookie", "glossa_hint=seen", "Accept-Encoding", "gzip")
                .body();
        assertArrayEquals(anonymous.body(), new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes());
        HttpResponse<byte[]> br = get(app.client(), ESSAY, "Cookie", "glossa_hint=seen", "Accept-Encoding", "br, gzip");
        assertEquals("br", br.headers().firstValue("Content-Encoding").orElseThrow());
        var decoded = Decoder.decompress(br.body());
        assertEquals(DecoderJNI.Status.DONE, decoded.getResultStatus());
        assertArrayEquals(anonymous.body(), decoded.getDecompressedData());
        HttpResponse<byte[]> ownGzip = get(anna, ESSAY, "Accept-Encoding", "gzip");
        assertEquals(
                "gzip",
                ownGzip.headers().firstValue("Content-Encoding").orElseThrow(),
                "a signed-in page is spliced into gzip");
        assertArrayEquals(
                get(anna, ESSAY).body(), new GZIPInputStream(new ByteArrayInputStream(ownGzip.body())).readAllBytes());

        String css = Jsoup.parse(new String(anonymous.body(), StandardCharsets.UTF_8))
                .selectFirst("link[rel=stylesheet]")
                .attr("href");
        assertTrue(css.matches("/assets/css/glossa\\.[0-9a-f]{10}\\.css"), css);
        HttpResponse<byte[]> asset = get(app.client(), css);
        assertEquals(
                "public, max-age=31536000, immutable",
                asset.headers().firstValue("Cache-Control").orElseThrow());
        assertArrayEquals(get(app.client(), "/static/css/glossa.css").body(), asset.body());
        assertEquals(404, get(app.client(), "/assets/css/glossa.0000000000.css").statusCode());
    }
}
