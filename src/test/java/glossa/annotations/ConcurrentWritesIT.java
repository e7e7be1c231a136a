package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking that holds under real concurrency: two writers holding the same version race,
 * released together by a barrier; exactly one wins and the other is told (412), for every pair. And a
 * refused request changes nothing.
 */
class ConcurrentWritesIT {

    private static final int PAIRS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path corpus;
    private TestApp app;
    private String token;

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(AnnotationFormsIT.TEXT));
        app = TestApp.start(corpus, Clock.systemUTC());
        token = app.apiToken("Anna");
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    @Test
    void ofTwoPutsWithTheSameEtagExactlyOneWins() throws Exception {
        for (int p = 0; p < PAIRS; p++) {
            int pair = p;
            String iri = createNote("pair " + pair);
            String etag = call("GET", iri, null, Map.of())
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            List<Integer> statuses = race(
                    () -> call("PUT", iri, note("first writer " + pair), Map.of("If-Match", etag))
                            .statusCode(),
                    () -> call("PUT", iri, note("second writer " + pair), Map.of("If-Match", etag))
                            .statusCode());
            assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "pair " + pair);
            String body = JSON.readTree(call("GET", iri, null, Map.of()).body())
                    .path("body")
                    .path(0)
                    .path("value")
                    .asText();
            assertTrue(body.endsWith("writer " + pair), body);
            assertEquals(2, historyCount(iri), "one creation and exactly one edit in the history");
        }
    }

    @Test
    void ofAPutAndADeleteWithTheSameEtagExactlyOneWins() throws Exception {
        for (int p = 0; p < PAIRS; p++) {
            int pair = p;
            String iri = createNote("pair " + pair);
            String etag = call("GET", iri, null, Map.of())
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            List<Integer> statuses = race(
                    () -> call("PUT", iri, note("edited " + pair), Map.of("If-Match", etag))
                            .statusCode(),
                    () -> call("DELETE", iri, null, Map.of("If-Match", etag)).statusCode());
            // The loser is told 412 or, when the delete has already landed, 404: either way exactly one wins.
            boolean putWon = statuses.get(0) == 200 && statuses.get(1) == 412;
            boolean deleteWon = statuses.get(1) == 204 && (statuses.get(0) == 412 || statuses.get(0) == 404);
            assertTrue(putWon ^ deleteWon, "pair " + pair + ": " + statuses);
        }
    }

    @Test
    void ofTwoClaimEditsFromTheSameRevisionExactlyOneWins() throws Exception {
        HttpResponse<String> created =
                call("POST", "/api/claims/", "{\"title\":\"A claim to race on\",\"description\":\"start\"}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String iri = "/api/claims/" + JSON.readTree(created.body()).path("slug").asText();
        for (int pair = 0; pair < PAIRS; pair++) {
            String etag = call("GET", iri, null, Map.of())
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            int p = pair;
            List<Integer> statuses = race(
                    () -> call("PUT", iri, "{\"description\":\"first " + p + "\"}", Map.of("If-Match", etag))
                            .statusCode(),
                    () -> call("PUT", iri, "{\"description\":\"second " + p + "\"}", Map.of("If-Match", etag))
                            .statusCode());
            assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "pair " + pair);
        }
        JsonNode history = JSON.readTree(
                        call("GET", iri + "/history", null, Map.of()).body())
                .path("revisions");
        assertEquals(PAIRS + 1, history.size(), "one revision for the creation and one per pair, never two");
    }

    @Test
    void aStaleEditFormIsRefusedWithTheTextKeptAndTheCurrentWordsShown() throws Exception {
        String iri = createNote("the first words");
        String id = iri.substring(iri.lastIndexOf('/') + 1);
        WebClient browser = app.client();
        browser.signIn("Anna", "correct horse battery");
        String page = browser.get("/annotations/" + id).body();
        String version =
                Jsoup.parse(page).selectFirst("#edit input[name=version]").val();
        String csrf = Jsoup.parse(page).selectFirst("#edit input[name=_csrf]").val();
        // Someone (the same author in another tab, here) saves first.
        String etag =
                call("GET", iri, null, Map.of()).headers().firstValue("ETag").orElseThrow();
        assertEquals(
                200,
                call("PUT", iri, note("saved in another tab"), Map.of("If-Match", etag))
                        .statusCode());

        HttpResponse<String> stale = browser.postForm(
                "/annotations/" + id + "/edit",
                Map.of("_csrf", csrf, "version", version, "body", "my careful rewrite", "tags", "", "kind", "comment"));
        assertEquals(412, stale.statusCode());
        var doc = Jsoup.parse(stale.body());
        assertEquals("my careful rewrite", doc.selectFirst("#edit-body").text(), "the reader's text is kept");
        assertTrue(
                doc.selectFirst(".stale-body").text().contains("saved in another tab"),
                "the page says what the note now reads");
        String body = JSON.readTree(call("GET", iri, null, Map.of()).body())
                .path("body")
                .path(0)
                .path("value")
                .asText();
        assertEquals("saved in another tab", body, "nothing was overwritten");
    }

    @Test
    void aRefusedPutChangesNothing() throws Exception {
        String iri = createNote("kept as it was");
        String etag =
                call("GET", iri, null, Map.of()).headers().firstValue("ETag").orElseThrow();
        String moved = "{\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\",\"value\":\"new words\"},"
                + "\"target\":{\"source\":\"" + app.baseUrl() + "/essays/" + AnnotationFormsIT.SLUG + "\","
                + "\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"words that are nowhere in the essay\"}}}";
        HttpResponse<String> refused = call("PUT", iri, moved, Map.of("If-Match", etag));
        assertEquals(422, refused.statusCode(), refused.body());
        HttpResponse<String> after = call("GET", iri, null, Map.of());
        assertEquals(
                "kept as it was",
                JSON.readTree(after.body()).path("body").path(0).path("value").asText());
        assertEquals(etag, after.headers().firstValue("ETag").orElseThrow(), "not even the version moved");
    }

    /** Runs both at the same instant; returns their results in order. */
    private static List<Integer> race(Supplier<Integer> a, Supplier<Integer> b) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (Supplier<Integer> s : List.of(a, b)) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return s.get();
            }));
        }
        return List.of(runs.get(0).get(), runs.get(1).get());
    }

    private int historyCount(String iri) throws IOException {
        String id = iri.substring(iri.lastIndexOf('/') + 1);
        return Jsoup.parse(app.get("/annotations/" + id).body())
                .select(".history li")
                .size();
    }

    private String createNote(String words) throws IOException {
        String doc = "{\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\",\"value\":\"" + words + "\"},"
                + "\"target\":{\"source\":\"" + app.baseUrl() + "/essays/" + AnnotationFormsIT.SLUG + "\","
                + "\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"banned abortion\"}}}";
        HttpResponse<String> r = call("POST", "/api/annotations/", doc, Map.of());
        assertEquals(201, r.statusCode(), r.body());
        return r.headers().firstValue("Location").orElseThrow().replace(app.baseUrl(), "");
    }

    private static String note(String words) {
        return "{\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\",\"value\":\"" + words + "\"}}";
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.client().uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", AnnotationApiIT.MEDIA);
        }
        headers.forEach(b::header);
        return app.send(b.build());
    }
}
