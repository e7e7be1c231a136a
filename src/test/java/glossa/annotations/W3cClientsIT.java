package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.TestApp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What real W3C clients (RecogitoJS, @recogito/text-annotator, dom-anchor-text-position) send, and
 * Glossa once refused: a bare highlight with no body and no motivation, a POST to the essay's own
 * container without the essay's IRI, and positions counted in UTF-16 units on text with characters
 * outside the Basic Multilingual Plane.
 */
class W3cClientsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "𝔸" is one code point and two UTF-16 units, so every position after it differs by one between the two counts. */
    private static final String TEXT =
            "The letter \uD835\uDD38 opens this line.\n\nIn 1936 the Soviet Union banned abortion.\n";

    private Path corpus;
    private TestApp app;
    private String token;

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(TEXT));
        app = TestApp.start(corpus, Clock.systemUTC());
        token = app.apiToken("Rita");
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    @Test
    void aBodilessAnnotationWithoutMotivationIsAHighlight() throws Exception {
        HttpResponse<String> r = post(
                "/api/annotations/",
                "{\"type\":\"Annotation\",\"body\":[],\"target\":{\"source\":\"" + app.baseUrl() + "/essays/"
                        + AnnotationFormsIT.SLUG
                        + "\",\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"banned abortion\"}}}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("highlighting", JSON.readTree(r.body()).path("motivation").asText());
    }

    @Test
    void anEssaysOwnContainerTakesNotesWithTheSourceImplied() throws Exception {
        String container = "/api/essays/" + AnnotationFormsIT.SLUG + "/annotations/";
        HttpResponse<String> r = post(
                container,
                "{\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\",\"value\":\"implied\"},"
                        + "\"target\":{\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"banned abortion\"}}}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(
                app.baseUrl() + "/essays/" + AnnotationFormsIT.SLUG,
                JSON.readTree(r.body()).path("target").path("source").asText());
        HttpResponse<String> options =
                app.send(HttpRequest.newBuilder(app.client().uri(container))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build());
        assertEquals(
                "GET, HEAD, OPTIONS, POST",
                options.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void utf16PositionsAreReadAsTheClientMeantThem() throws Exception {
        String canonical = app.get("/essays/" + AnnotationFormsIT.SLUG + ".txt").body();
        int start16 = canonical.indexOf("banned abortion");
        int startCp = canonical.codePointCount(0, start16);
        assertEquals(start16 - 1, startCp, "the test text has one astral character before the passage");
        String doc = "{\"type\":\"Annotation\",\"body\":\"counted in UTF-16\",\"target\":{\"source\":\"" + app.baseUrl()
                + "/essays/"
                + AnnotationFormsIT.SLUG
                + "\",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":\"banned abortion\"},"
                + "{\"type\":\"TextPositionSelector\",\"start\":" + start16 + ",\"end\":" + (start16 + 15) + "}]}}";
        HttpResponse<String> r = post("/api/annotations/", doc);
        assertEquals(201, r.statusCode(), r.body());
        JsonNode position =
                JSON.readTree(r.body()).path("target").path("selector").path(1);
        assertEquals(startCp, position.path("start").asInt(), "stored in code points");
        assertEquals(startCp + 15, position.path("end").asInt());

        String wrong = doc.replace("\"exact\":\"banned abortion\"", "\"exact\":\"nothing like it\"");
        assertEquals(
                422,
                post("/api/annotations/", wrong).statusCode(),
                "a position that matches its quote in neither count is still refused");
    }

    private HttpResponse<String> post(String path, String body) {
        return app.send(HttpRequest.newBuilder(app.client().uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", AnnotationApiIT.MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
