package glossa.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links and claims through the JSON API, with the same auth, ETags and errors as the annotations API. */
class LinksAndClaimsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestApp app;
    private String token;

    @BeforeEach
    void start() {
        app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC());
        WebClient c = app.client();
        c.signUp("Anna", "correct horse battery");
        token = Jsoup.parse(c.submit("/users/Anna", "/account/tokens", Map.of("name", "t"))
                        .body())
                .selectFirst("code.token")
                .text();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.client().uri(path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return app.client().send(b.build());
    }

    private static JsonNode parse(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    @Test
    void linksAreListedCreatedAndDeletedAsLinkingAnnotations() throws Exception {
        JsonNode list = parse(call("GET", "/api/links/", null, Map.of()));
        assertTrue(list.path("total").asInt() >= 15, "the starter links");
        JsonNode first = list.path("items").get(0);
        assertEquals("linking", first.path("motivation").asText());
        assertEquals(2, first.path("target").size());
        assertTrue(first.path("glossa:relation").asText().startsWith("http"));

        String note = "{\"type\":\"Annotation\",\"body\":\"A note.\",\"target\":{\"source\":\"" + app.baseUrl()
                + "/essays/stalinism-doesnt-equal-socialism\",\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"Leon Trotsky was murdered\"}}}";
        String noteIri = call("POST", "/api/annotations/", note, Map.of())
                .headers()
                .firstValue("Location")
                .orElseThrow();
        String link = "{\"from\":\"" + noteIri
                + "\",\"relation\":\"agrees-with\",\"comment\":\"Same event.\",\"to\":{\"source\":\"" + app.baseUrl()
                + "/essays/stalinisms-long-shadow\",\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"assassinated him with an ice pick\"}}}";
        HttpResponse<String> made = call("POST", "/api/links/", link, Map.of());
        assertEquals(201, made.statusCode(), made.body());
        String location = made.headers().firstValue("Location").orElseThrow();
        assertEquals(
                "assassinated him with an ice pick",
                parse(made)
                        .path("target")
                        .get(1)
                        .path("selector")
                        .get(0)
                        .path("exact")
                        .asText());
        assertEquals(
                200,
                call("GET", location.substring(app.baseUrl().length()), null, Map.of())
                        .statusCode());

        assertProblem(
                call("POST", "/api/links/", link.replace("agrees-with", "likes"), Map.of()), 422, "Unknown relation");
        assertProblem(
                call(
                        "POST",
                        "/api/links/",
                        link.replace("assassinated him with an ice pick", "no such words here"),
                        Map.of()),
                422,
                "not in the essay");
        assertProblem(call("POST", "/api/links/", "{oops", Map.of()), 400, "JSON");
        assertProblem(
                call("DELETE", "/api/annotations/" + noteIri.substring(noteIri.lastIndexOf('/') + 1), null, Map.of()),
                409,
                "carries links");
        assertEquals(
                204,
                call("DELETE", location.substring(app.baseUrl().length()), null, Map.of())
                        .statusCode());
        assertEquals(
                404,
                call("GET", location.substring(app.baseUrl().length()), null, Map.of())
                        .statusCode());
        assertEquals(
                204,
                call("DELETE", "/api/annotations/" + noteIri.substring(noteIri.lastIndexOf('/') + 1), null, Map.of())
                        .statusCode(),
                "once its links are gone the note can go");
    }

    @Test
    void claimsAreListedReadCreatedAndEditedWithETags() throws Exception {
        JsonNode list = parse(call("GET", "/api/claims/", null, Map.of()));
        assertTrue(list.path("total").asInt() >= 5);
        HttpResponse<String> got = call("GET", "/api/claims/october-1917", null, Map.of());
        assertTrue(parse(got).path("passages").size() >= 4);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        String edit =
                "{\"title\":\"The October Revolution of 1917\",\"description\":\"Edited through the API.\",\"summary\":\"api\"}";
        assertEquals(
                428, call("PUT", "/api/claims/october-1917", edit, Map.of()).statusCode());
        assertEquals(
                412,
                call("PUT", "/api/claims/october-1917", edit, Map.of("If-Match", "W/\"stale\""))
                        .statusCode());
        HttpResponse<String> put = call("PUT", "/api/claims/october-1917", edit, Map.of("If-Match", etag));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(2, parse(put).path("revision").asInt());
        assertProblem(
                call("POST", "/api/claims/", "{\"title\":\"THE OCTOBER REVOLUTION OF 1917\"}", Map.of()),
                409,
                "already a claim");
        assertProblem(call("POST", "/api/claims/", "{\"title\":\"\"}", Map.of()), 422, "needs a title");
        HttpResponse<String> created =
                call("POST", "/api/claims/", "{\"title\":\"Collectivisation\",\"description\":\"x\"}", Map.of());
        assertEquals(201, created.statusCode());
        assertEquals(
                404, call("GET", "/api/claims/no-such-claim", null, Map.of()).statusCode());
        assertEquals(
                2,
                parse(call("GET", "/api/claims/october-1917/history", null, Map.of()))
                        .path("revisions")
                        .size());
    }

    private static void assertProblem(HttpResponse<String> res, int status, String text) {
        assertEquals(status, res.statusCode(), res.body());
        assertTrue(
                res.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                res.headers().toString());
        assertTrue(res.body().contains(text), res.body());
    }
}
