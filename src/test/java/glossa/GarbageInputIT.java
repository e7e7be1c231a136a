package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No input ever gives a 500. Every route the server has (read from its router, so a new route is
 * covered without touching this test) gets garbage in each path parameter, query parameter, form
 * field and JSON body, signed in with a session and CSRF token (so the handlers are reached) and with
 * an API token. Random, from fixed seeds, so a failure can be replayed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GarbageInputIT {

    private static final int ROUNDS = 6;
    private static final long SEED = 20261125L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Routes that end the very session the test writes with; they are tried last, once. */
    private static final Set<String> ENDS_SESSION = Set.of("POST /signout");

    private static final List<String> FIELDS = List.of(
            "body",
            "tags",
            "kind",
            "exact",
            "prefix",
            "suffix",
            "occurrence",
            "start",
            "end",
            "revision",
            "essay",
            "relation",
            "comment",
            "title",
            "description",
            "summary",
            "base",
            "stance",
            "version",
            "username",
            "password",
            "current",
            "next",
            "name",
            "role",
            "block",
            "q",
            "page",
            "from",
            "to",
            "a",
            "b",
            "confirm",
            "remove_links");
    private static final List<String> GARBAGE = List.of(
            "",
            " ",
            "abc",
            "-1",
            "0",
            "1",
            "2147483648",
            "99999999999999999999",
            "1.5",
            "1e9",
            "NaN",
            "null",
            "true",
            "[]",
            "{}",
            "\u0000",
            "%00",
            "%",
            "<script>alert(1)</script>",
            "'; DROP TABLE annotation; --",
            "../../etc/passwd",
            "\uD835\uDD38".repeat(300),
            "x".repeat(5_000),
            "\u202Eevil",
            "comment",
            "member",
            "ADMIN",
            "same-event",
            "supports",
            "breaking-from-stalinism",
            "//evil.example",
            "/\t/evil.example",
            "\r\nSet-Cookie: x=1");

    private TestApp app;
    private WebClient member;
    private String token;
    private List<String> routes;

    @BeforeAll
    void start() {
        app = TestApp.withWriteLimit(TestApp.PROJECT_CORPUS, 0);
        member = app.client();
        member.signUp("Fuzz", "correct horse battery");
        token = Jsoup.parse(member.submit("/users/Fuzz", "/account/tokens", Map.of("name", "t"))
                        .body())
                .selectFirst("code.token")
                .text();
        var note = member.submit(
                "/essays/breaking-from-stalinism",
                "/essays/breaking-from-stalinism/annotations",
                Map.of("exact", "abortion was only recriminalized", "body", "a real note", "kind", "comment"));
        assertEquals(303, note.statusCode());
        routes = app.app().routes().stream()
                .filter(r -> !r.startsWith("BEFORE") && !r.startsWith("AFTER"))
                .distinct()
                .toList();
        assertTrue(routes.size() > 40, "the router lists the routes: " + routes);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void noRouteAnswers500ToGarbage() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> ordered = new ArrayList<>(
                routes.stream().filter(r -> !ENDS_SESSION.contains(r)).toList());
        ordered.addAll(routes.stream().filter(ENDS_SESSION::contains).toList());
        for (String route : ordered) {
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            int rounds = ENDS_SESSION.contains(route) ? 1 : ROUNDS;
            for (int round = 0; round < rounds; round++) {
                String path = fill(pattern, random) + query(random);
                for (boolean api : new boolean[] {false, true}) {
                    HttpResponse<String> r;
                    try {
                        r = send(method, path, api, random);
                    } catch (java.io.UncheckedIOException reusedClosedConnection) {
                        // The client may reuse a kept-alive connection the server has just closed after
                        // refusing a request (414, 400): the same request is sent once more on a new one.
                        try {
                            r = send(method, path, api, new Random(SEED + requests));
                        } catch (java.io.UncheckedIOException dropped) {
                            failures.add("no answer to " + method + " " + path + (api ? " (token)" : " (session)")
                                    + ": " + dropped.getMessage());
                            continue;
                        }
                    }
                    requests++;
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() >= 500) {
                        failures.add(r.statusCode() + " " + method + " " + path + (api ? " (token)" : " (session)")
                                + ": "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        System.out.println("GarbageInputIT: " + requests + " requests, statuses " + statuses);
        assertTrue(
                statuses.keySet().stream().anyMatch(s -> s < 300),
                "some garbage is accepted, so handlers are reached: " + statuses);
        assertTrue(
                statuses.getOrDefault(422, 0) + statuses.getOrDefault(400, 0) > 50,
                "most is refused by name: " + statuses);
        assertEquals(List.of(), failures, requests + " requests");
    }

    private HttpResponse<String> send(String method, String path, boolean api, Random random) {
        HttpRequest.Builder b = HttpRequest.newBuilder(member.uri(path));
        String body = null;
        if (Set.of("POST", "PUT", "DELETE", "PATCH").contains(method)) {
            if (api || path.startsWith("/api/")) {
                body = randomJson(random).toString();
                b.header("Content-Type", random.nextBoolean() ? "application/ld+json" : "application/json");
            } else {
                body = form(random);
                b.header("Content-Type", "application/x-www-form-urlencoded");
            }
        }
        if (api) {
            b.header("Authorization", "Bearer " + token);
        } else if (body != null) {
            b.header("X-CSRF-Token", csrf());
        }
        if (random.nextInt(4) == 0) {
            b.header("If-Match", pick(List.of("*", "W/\"1-1\"", "\"garbage\"", "", "W/\"x\""), random));
        }
        b.method(
                method.equals("HEAD") ? "HEAD" : method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return member.send(b.build());
    }

    private String csrfToken;

    private String csrf() {
        if (csrfToken == null) {
            csrfToken = member.csrfToken("/users/Fuzz");
        }
        return csrfToken;
    }

    private String form(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf());
        // Most fields present at once, each with its own garbage: a handler meets every field it reads.
        for (String field : FIELDS) {
            if (random.nextInt(10) < 7) {
                fields.put(field, pick(GARBAGE, random));
            }
        }
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String query(Random random) {
        if (random.nextBoolean()) {
            return "";
        }
        return "?" + enc(pick(FIELDS, random)) + "=" + enc(pick(GARBAGE, random)) + "&" + enc(pick(FIELDS, random))
                + "=" + enc(pick(GARBAGE, random));
    }

    /** Fills each {param} with garbage, or sometimes a value that exists, so handlers go past their lookups. */
    private static String fill(String pattern, Random random) {
        StringBuilder out = new StringBuilder();
        for (String part : pattern.split("/", -1)) {
            if (!out.isEmpty() || pattern.startsWith("/")) {
                out.append(out.isEmpty() && part.isEmpty() ? "" : "/");
            }
            if (part.startsWith("{") || part.startsWith("<")) {
                String name = part.substring(1, part.length() - 1);
                List<String> real = switch (name) {
                    case "id" -> List.of("1", "2", "3", "40");
                    case "slug", "a", "b" ->
                        List.of("breaking-from-stalinism", "stalinisms-long-shadow", "the-1936-abortion-ban");
                    case "username" -> List.of("Fuzz", "glossa");
                    default -> List.of("1");
                };
                out.append(enc(random.nextBoolean() ? pick(real, random) : pick(GARBAGE, random))
                        .replace("+", "%20"));
            } else {
                out.append(part);
            }
        }
        String path = out.toString();
        return path.isEmpty() ? "/" : path;
    }

    private static ObjectNode randomJson(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        List<String> keys = List.of(
                "type",
                "body",
                "target",
                "selector",
                "source",
                "start",
                "end",
                "exact",
                "prefix",
                "suffix",
                "motivation",
                "from",
                "to",
                "relation",
                "comment",
                "title",
                "description",
                "summary",
                "canonical",
                "value",
                "purpose",
                "state",
                "name");
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String key = pick(keys, random);
            switch (random.nextInt(7)) {
                case 0 -> o.put(key, pick(GARBAGE, random));
                case 1 -> o.put(key, random.nextInt());
                case 2 -> o.put(key, random.nextDouble() * 1e6);
                case 3 -> o.putNull(key);
                case 4 -> {
                    ArrayNode a = o.putArray(key);
                    if (random.nextBoolean()) {
                        a.add(randomLeaf(random));
                    }
                }
                case 5 ->
                    o.set(
                            key,
                            random.nextInt(3) == 0
                                    ? randomJson(random)
                                    : f.objectNode()
                                            .put(
                                                    "type",
                                                    pick(
                                                            List.of(
                                                                    "TextQuoteSelector",
                                                                    "TextPositionSelector",
                                                                    "TextualBody",
                                                                    "Annotation",
                                                                    "Text"),
                                                            random))
                                            .put("exact", pick(GARBAGE, random))
                                            .put("start", random.nextInt(100) - 10)
                                            .put("end", random.nextInt(1_000_000))
                                            .put("value", pick(GARBAGE, random))
                                            .put(
                                                    "source",
                                                    pick(
                                                            List.of(
                                                                    "/essays/breaking-from-stalinism",
                                                                    "http://x/essays/y",
                                                                    "",
                                                                    "urn:x"),
                                                            random)));
                default -> o.put(key, random.nextBoolean());
            }
        }
        if (random.nextInt(3) == 0) {
            o.put("type", "Annotation");
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode randomLeaf(Random random) {
        return random.nextBoolean()
                ? JsonNodeFactory.instance.textNode(pick(GARBAGE, random))
                : JsonNodeFactory.instance.numberNode(random.nextLong());
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
