package glossa.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 201 means the note is on disk: many writers post notes through the API while the server process is
 * killed (SIGKILL, and in the second test stopped with SIGTERM); after a restart on the same data
 * every note that was answered 201 is there with its words, and no id is handed out twice.
 */
class DurabilityIT {

    private static final int WRITERS = 16;
    /** Writers run until this many notes are acknowledged (or {@link #AT_MOST} passes), then the server is stopped under them. */
    private static final int ACKNOWLEDGED = 150;

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final String QUOTE = "abortion was only recriminalized";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedNoteSurvivesKillNine(@TempDir Path data) throws Exception {
        String token = writerToken(data);
        Map<Long, String> acknowledged;
        try (ServerProcess server = ServerProcess.start(data, "--write-limit", "0")) {
            acknowledged = writeWhile(server, token, () -> server.killHard());
        }
        assertTrue(acknowledged.size() >= ACKNOWLEDGED, "the writers got few notes through: " + acknowledged.size());
        assertAllPresentAfterRestart(data, token, acknowledged);
    }

    @Test
    void sigtermFinishesRequestsInFlightAndLosesNothing(@TempDir Path data) throws Exception {
        String token = writerToken(data);
        Map<Long, String> acknowledged;
        int exit;
        try (ServerProcess server = ServerProcess.start(data, "--write-limit", "0")) {
            int[] code = new int[1];
            acknowledged = writeWhile(server, token, () -> code[0] = server.terminate());
            exit = code[0];
            assertTrue(server.log().contains("stopped"), "the server says it stopped cleanly:\n" + server.log());
        }
        assertEquals(143, exit, "SIGTERM ends the JVM through its shutdown hooks (128 + 15)");
        assertTrue(acknowledged.size() >= ACKNOWLEDGED, "the writers got few notes through: " + acknowledged.size());
        assertAllPresentAfterRestart(data, token, acknowledged);
    }

    private static String writerToken(Path data) throws Exception {
        ServerProcess.command(data, "correct horse battery\n", "user", "add", "writer");
        String out = ServerProcess.command(data, "", "user", "token", "writer");
        return out.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    interface Stop {
        void run() throws Exception;
    }

    /** Writers post notes for a while; then {@code stop} ends the server under them. Returns id -> body of every 201. */
    private Map<Long, String> writeWhile(ServerProcess server, String token, Stop stop) throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String body = "writer " + writer + " note " + i;
                    try {
                        HttpResponse<String> r = post(server, token, body);
                        if (r.statusCode() == 201) {
                            acknowledged.put(idOf(r), body);
                        }
                    } catch (IOException refusedOrCut) {
                        // The server is going away: the note was not acknowledged, so it may be lost.
                        if (!running.get()) {
                            return null;
                        }
                    }
                }
                return null;
            });
        }
        // However busy the machine, stop only once the writers are well under way: the stop then
        // lands in the middle of many writes in flight.
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (acknowledged.size() < ACKNOWLEDGED && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.run();
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        return acknowledged;
    }

    /** The note id at the end of the IRI a 201 names. */
    private long idOf(HttpResponse<String> created) throws IOException {
        String iri = json.readTree(created.body()).path("id").asText();
        return Long.parseLong(iri.substring(iri.lastIndexOf('/') + 1));
    }

    private HttpResponse<String> post(ServerProcess server, String token, String body)
            throws IOException, InterruptedException {
        String doc = json.writeValueAsString(Map.of(
                "type",
                "Annotation",
                "motivation",
                "commenting",
                "body",
                List.of(Map.of("type", "TextualBody", "value", body, "format", "text/markdown")),
                "target",
                Map.of(
                        "source",
                        server.base() + "/essays/breaking-from-stalinism",
                        "selector",
                        Map.of("type", "TextQuoteSelector", "exact", QUOTE))));
        return http.send(
                HttpRequest.newBuilder(URI.create(server.base() + "/api/annotations/"))
                        .timeout(Duration.ofSeconds(
                                120)) // a bound against hanging, not a speed check: loaded CI machines are slow
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/ld+json")
                        .POST(HttpRequest.BodyPublishers.ofString(doc))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertAllPresentAfterRestart(Path data, String token, Map<Long, String> acknowledged)
            throws Exception {
        try (ServerProcess again = ServerProcess.start(data, "--write-limit", "0")) {
            List<Long> missing = new ArrayList<>();
            for (var e : acknowledged.entrySet()) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(again.base() + "/api/annotations/" + e.getKey()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = r.statusCode() == 200
                        ? json.readTree(r.body()).path("body").path(0).path("value")
                        : null;
                if (body == null || !e.getValue().equals(body.asText())) {
                    missing.add(e.getKey());
                }
            }
            assertEquals(
                    List.of(),
                    missing,
                    "notes answered 201 but missing or changed after the restart (of " + acknowledged.size() + ")");
            long highest = acknowledged.keySet().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            HttpResponse<String> fresh = post(again, token, "after the restart");
            assertEquals(201, fresh.statusCode(), fresh.body());
            long id = idOf(fresh);
            assertTrue(
                    id > highest,
                    "a new note gets a new id (" + id + "), never one already handed out (up to " + highest + ")");
        }
    }
}
