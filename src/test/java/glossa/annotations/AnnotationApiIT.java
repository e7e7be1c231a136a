package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The W3C Web Annotation Protocol, its headers and its errors, against a real server. */
class AnnotationApiIT {

    static final String MEDIA = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    private Path corpus;
    private TestApp app;
    private String token;
    private String otherToken;

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(AnnotationFormsIT.TEXT));
        app = TestApp.start(corpus, Clock.systemUTC());
        token = tokenFor("Anna");
        otherToken = tokenFor("Boris");
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    private String tokenFor(String name) {
        WebClient c = app.client();
        c.signUp(name, "correct horse battery");
        return Jsoup.parse(c.submit("/users/" + name, "/account/tokens", Map.of("name", "t"))
                        .body())
                .selectFirst("code.token")
                .text();
    }

    private HttpResponse<String> call(
            String method, String path, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.client().uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", MEDIA);
        }
        headers.forEach(b::header);
        return app.client().send(b.build());
    }

    private HttpResponse<String> post(String json) {
        return call("POST", "/api/annotations/", token, json, Map.of());
    }

    private String note(String exact, String body, String extraTarget) {
        return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"motivation\":\"commenting\","
                + "\"body\":[{\"type\":\"TextualBody\",\"value\":" + quote(body) + ",\"format\":\"text/markdown\"}],"
                + "\"target\":{\"source\":\"" + app.baseUrl() + "/essays/" + AnnotationFormsIT.SLUG
                + "\",\"selector\":["
                + "{\"type\":\"TextQuoteSelector\",\"exact\":" + quote(exact) + "}" + extraTarget + "]}}";
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new AssertionError(res.body(), e);
        }
    }

    @Test
    void postCreatesANoteWhoseLocationIsItsIdInsideTheContainer() {
        ObjectNode sent = (ObjectNode) parse(postLike(note("banned abortion", "Via the API.", "")));
        sent.put("canonical", "urn:uuid:6a1b0c1e-0000-4000-8000-000000000001");
        HttpResponse<String> res = post(sent.toString());
        assertEquals(201, res.statusCode(), res.body());
        JsonNode created = parse(res);
        String location = res.headers().firstValue("Location").orElseThrow();
        assertEquals(location, created.path("id").asText());
        assertTrue(location.startsWith(app.baseUrl() + "/api/annotations/"));
        assertEquals(
                "urn:uuid:6a1b0c1e-0000-4000-8000-000000000001",
                created.path("canonical").asText(),
                "a client's canonical IRI is kept");
        assertTrue(res.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""));
        assertTrue(res.headers().firstValue("ETag").isPresent());
        JsonNode selectors = created.path("target").path("selector");
        assertEquals("TextQuoteSelector", selectors.get(0).path("type").asText());
        assertEquals("banned abortion", selectors.get(0).path("exact").asText());
        assertEquals("TextPositionSelector", selectors.get(1).path("type").asText());
        assertTrue(selectors.get(0).path("prefix").asText().endsWith("Soviet Union "));

        HttpResponse<String> got = call("GET", location.substring(app.baseUrl().length()), null, null, Map.of());
        assertEquals(200, got.statusCode());
        assertEquals(created, parse(got));
        assertTrue(
                Jsoup.parse(app.get("/essays/" + AnnotationFormsIT.SLUG).body()).selectFirst("mark") != null,
                "and it is on the page");
    }

    private HttpResponse<String> postLike(String json) {
        return new FakeResponse(json);
    }

    @Test
    void containersAnswerGetHeadAndOptionsWithTheProtocolHeaders() {
        post(note("banned abortion", "One.", ""));
        for (String path :
                new String[] {"/api/annotations/", "/api/essays/" + AnnotationFormsIT.SLUG + "/annotations/"}) {
            HttpResponse<String> res = call("GET", path, null, null, Map.of("Accept", MEDIA));
            assertEquals(200, res.statusCode(), path);
            String link = res.headers().firstValue("Link").orElse("");
            assertTrue(link.contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""), link);
            assertTrue(link.contains("rel=\"http://www.w3.org/ns/ldp#constrainedBy\""), link);
            assertTrue(res.headers().firstValue("Allow").orElse("").contains("GET"));
            assertTrue(res.headers().firstValue("Vary").orElse("").contains("Accept"));
            assertTrue(res.headers().firstValue("ETag").isPresent());
            assertEquals(
                    app.baseUrl() + path,
                    res.headers().firstValue("Content-Location").orElse(""));
            JsonNode c = parse(res);
            assertTrue(c.path("type").toString().contains("BasicContainer")
                    && c.path("type").toString().contains("AnnotationCollection"));
            assertEquals(1, c.path("total").asInt());
            assertEquals("AnnotationPage", c.path("first").path("type").asText());
            assertEquals(1, c.path("first").path("items").size());
            assertTrue(c.path("last").asText().endsWith("?page=0"));
            HttpResponse<String> head = call("HEAD", path, null, null, Map.of());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(res.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
            HttpResponse<String> options = call("OPTIONS", path, null, null, Map.of());
            assertEquals(200, options.statusCode());
            assertTrue(options.headers().firstValue("Allow").orElse("").contains("HEAD"));
        }
        assertTrue(call("OPTIONS", "/api/annotations/", null, null, Map.of())
                .headers()
                .firstValue("Allow")
                .orElse("")
                .contains("POST"));
        assertTrue(
                call("OPTIONS", "/api/essays/" + AnnotationFormsIT.SLUG + "/annotations/", null, null, Map.of())
                        .headers()
                        .firstValue("Allow")
                        .orElse("")
                        .contains("POST"),
                "per-essay containers take notes too, the essay implied");
    }

    @Test
    void containersArePagedWithFirstLastNextPrevAndPartOf() {
        for (int i = 0; i < AnnotationApi.PAGE_SIZE + 5; i++) {
            assertEquals(201, post(note("banned abortion", "Note " + i, "")).statusCode());
        }
        JsonNode c = parse(call("GET", "/api/annotations/", null, null, Map.of()));
        assertEquals(AnnotationApi.PAGE_SIZE + 5, c.path("total").asInt());
        assertTrue(c.path("last").asText().endsWith("?page=1"));
        JsonNode first = parse(call("GET", "/api/annotations/?page=0", null, null, Map.of()));
        assertEquals(AnnotationApi.PAGE_SIZE, first.path("items").size());
        assertTrue(first.path("next").asText().endsWith("?page=1"));
        assertTrue(first.path("prev").isMissingNode());
        assertEquals(
                app.baseUrl() + "/api/annotations/",
                first.path("partOf").path("id").asText());
        JsonNode second = parse(call("GET", "/api/annotations/?page=1", null, null, Map.of()));
        assertEquals(5, second.path("items").size());
        assertEquals(AnnotationApi.PAGE_SIZE, second.path("startIndex").asInt());
        assertTrue(second.path("prev").asText().endsWith("?page=0"));
        assertEquals(
                404,
                call("GET", "/api/annotations/?page=9", null, null, Map.of()).statusCode());
        JsonNode iris = parse(call(
                "GET",
                "/api/annotations/",
                null,
                null,
                Map.of("Prefer", "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"")));
        assertTrue(iris.path("first").path("items").get(0).isTextual(), "Prefer: contained IRIs");
    }

    @Test
    void putNeedsAFreshETagAndDeleteAnswers204() {
        HttpResponse<String> created = post(note("banned abortion", "First.", ""));
        String path = created.headers()
                .firstValue("Location")
                .orElseThrow()
                .substring(app.baseUrl().length());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String edit = note("banned abortion", "Second.", "");
        assertEquals(428, call("PUT", path, token, edit, Map.of()).statusCode());
        assertEquals(
                412,
                call("PUT", path, token, edit, Map.of("If-Match", "W/\"stale\""))
                        .statusCode());
        assertEquals(
                403,
                call("PUT", path, otherToken, edit, Map.of("If-Match", etag)).statusCode(),
                "someone else's note");
        HttpResponse<String> put = call("PUT", path, token, edit, Map.of("If-Match", etag));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("Second.", parse(put).path("body").get(0).path("value").asText());
        assertFalse(etag.equals(put.headers().firstValue("ETag").orElse("")), "a new ETag");
        assertEquals(
                412,
                call("PUT", path, token, edit, Map.of("If-Match", etag)).statusCode(),
                "the old ETag is stale now");
        HttpResponse<String> options = call("OPTIONS", path, null, null, Map.of());
        assertTrue(options.headers().firstValue("Allow").orElse("").contains("DELETE"));
        assertEquals(403, call("DELETE", path, otherToken, null, Map.of()).statusCode());
        assertEquals(204, call("DELETE", path, token, null, Map.of()).statusCode());
        assertEquals(404, call("GET", path, null, null, Map.of()).statusCode());
    }

    @Test
    void repliesAreAnnotationsWhoseTargetIsANote() {
        String parent = post(note("banned abortion", "A note.", ""))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String reply =
                "{\"type\":\"Annotation\",\"motivation\":\"replying\",\"body\":{\"type\":\"TextualBody\",\"value\":\"A reply.\"},"
                        + "\"target\":\"" + parent + "\"}";
        HttpResponse<String> res = call("POST", "/api/annotations/", otherToken, reply, Map.of());
        assertEquals(201, res.statusCode(), res.body());
        assertEquals(parent, parse(res).path("target").asText());
        assertEquals("replying", parse(res).path("motivation").asText());
        assertTrue(Jsoup.parse(app.get("/essays/" + AnnotationFormsIT.SLUG).body())
                .select("aside.note")
                .text()
                .contains("A reply."));
    }

    @Test
    void badInputGetsTheRightStatusAndChangesNothing() {
        assertProblem(post(note("words not in the essay", "x", "")), 422, "not in the essay");
        assertProblem(post(note("banned abortion", "", "")), 422, "needs some text");
        assertProblem(post(note("banned abortion", "x".repeat(10_001), "")), 422, "at most 10,000");
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            tags.append(",{\"type\":\"TextualBody\",\"purpose\":\"tagging\",\"value\":\"t")
                    .append(i)
                    .append("\"}");
        }
        assertProblem(
                post(note("banned abortion", "x", "")
                        .replace("\"format\":\"text/markdown\"}", "\"format\":\"text/markdown\"}" + tags)),
                422,
                "at most 20 tags");
        assertProblem(
                post(note("banned abortion", "x", ",{\"type\":\"TextPositionSelector\",\"start\":5,\"end\":99999}")),
                422,
                "out of range");
        assertProblem(
                post(note("banned abortion", "x", ",{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":7}")),
                422,
                "does not match its quote");
        assertProblem(post("{not json"), 400, "not valid JSON");
        assertProblem(
                post(note("banned abortion", "x", "").replace(AnnotationFormsIT.SLUG, "no-such-essay")),
                404,
                "no essay");
        assertProblem(call("GET", "/api/annotations/99999", null, null, Map.of()), 404, "no note");
        assertProblem(
                call("POST", "/api/annotations/", null, note("banned abortion", "x", ""), Map.of()), 401, "Sign in");
        assertEquals(
                415,
                call("POST", "/api/annotations/", token, "x", Map.of("Content-Type", "text/plain"))
                        .statusCode());
        WebClient browser = app.client();
        browser.signIn("Anna", "correct horse battery");
        HttpResponse<String> noCsrf = browser.send(HttpRequest.newBuilder(browser.uri("/api/annotations/"))
                .header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(note("banned abortion", "x", "")))
                .build());
        assertEquals(403, noCsrf.statusCode(), "a session without its CSRF token");
        assertEquals(
                0,
                parse(call("GET", "/api/annotations/", null, null, Map.of()))
                        .path("total")
                        .asInt(),
                "nothing was created");
    }

    private static void assertProblem(HttpResponse<String> res, int status, String text) {
        assertEquals(status, res.statusCode(), res.body());
        assertTrue(
                res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                res.headers().toString());
        assertTrue(res.body().contains(text), res.body());
    }

    /** Lets a JSON string be parsed like a response body. */
    private record FakeResponse(String body) implements HttpResponse<String> {
        public int statusCode() {
            return 200;
        }

        public HttpRequest request() {
            return null;
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        public java.net.URI uri() {
            return null;
        }

        public java.net.http.HttpClient.Version version() {
            return java.net.http.HttpClient.Version.HTTP_1_1;
        }
    }
}
