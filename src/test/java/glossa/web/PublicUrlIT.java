package glossa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.Config;
import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The site's address comes from configuration, never from the Host header; HSTS over HTTPS; loopback by default. */
class PublicUrlIT {

    private static final Path NO_CORPUS = Path.of("target", "no-corpus");
    private static final String PASSWORD = "correct horse battery";

    /** One HTTP/1.1 exchange over a raw socket, since java.net.http will not send a Host header of our choosing. */
    private static String raw(TestApp app, String method, String path, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", app.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> header(String response, String name) {
        String head = response.split("\r\n\r\n", 2)[0];
        return head.lines()
                .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip())
                .findFirst();
    }

    private static String token(TestApp app) {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        return Jsoup.parse(anna.submit("/users/Anna", "/account/tokens", Map.of("name", "script"))
                        .body())
                .selectFirst("code.token")
                .text();
    }

    @Test
    void aForgedHostHeaderNeverReachesTheAnswers() {
        try (TestApp app = TestApp.start(NO_CORPUS, Clock.systemUTC())) {
            String token = token(app);
            String origin = "http://localhost:" + app.app().port();
            String created = raw(
                    app,
                    "POST",
                    "/api/claims/",
                    Map.of(
                            "Host",
                            "evil.example",
                            "Authorization",
                            "Bearer " + token,
                            "Content-Type",
                            "application/json"),
                    "{\"title\":\"A test claim\",\"description\":\"Some words.\"}");
            assertTrue(created.startsWith("HTTP/1.1 201"), created);
            assertEquals(
                    origin + "/api/claims/a-test-claim",
                    header(created, "Location").orElseThrow());
            for (String path :
                    List.of("/api/annotations/", "/api/links/", "/api/claims/", "/api/claims/a-test-claim")) {
                String res = raw(app, "GET", path, Map.of("Host", "evil.example"), null);
                assertTrue(res.startsWith("HTTP/1.1 200"), path + ": " + res);
                assertFalse(res.contains("evil.example"), path + ": " + res);
                assertTrue(res.contains(origin + "/api/"), path + ": " + res);
            }
            String redirect = raw(app, "GET", "/account/password", Map.of("Host", "evil.example"), null);
            assertTrue(redirect.startsWith("HTTP/1.1 303"), redirect);
            assertFalse(header(redirect, "Location").orElseThrow().contains("evil.example"), redirect);
        }
    }

    @Test
    void aConfiguredBaseUrlNamesTheSite() {
        try (TestApp app = TestApp.start(NO_CORPUS, Clock.systemUTC(), "http://glossa.example:8080/wiki/", List.of())) {
            String token = token(app);
            String created = raw(
                    app,
                    "POST",
                    "/api/claims/",
                    Map.of(
                            "Host",
                            "evil.example",
                            "Authorization",
                            "Bearer " + token,
                            "Content-Type",
                            "application/json"),
                    "{\"title\":\"A test claim\",\"description\":\"Some words.\"}");
            assertEquals(
                    "http://glossa.example:8080/wiki/api/claims/a-test-claim",
                    header(created, "Location").orElseThrow());
            HttpResponse<String> container = app.get("/api/annotations/");
            assertTrue(
                    container.body().contains("\"http://glossa.example:8080/wiki/api/annotations/\""),
                    container.body());
            assertTrue(
                    container.headers().firstValue("Strict-Transport-Security").isEmpty());
        }
        try (TestApp app = TestApp.start(NO_CORPUS, Clock.systemUTC(), "https://glossa.example", List.of())) {
            HttpResponse<String> container = app.get("/api/annotations/");
            assertTrue(container.body().contains("\"https://glossa.example/api/annotations/\""), container.body());
            assertEquals(
                    "max-age=31536000",
                    container.headers().firstValue("Strict-Transport-Security").orElseThrow(),
                    "the site is served over HTTPS, so browsers are told to keep to it");
        }
    }

    private static Optional<String> hsts(TestApp app, String forwardedProto) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.client().uri("/")).GET();
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        return app.send(b.build()).headers().firstValue("Strict-Transport-Security");
    }

    @Test
    void hstsIsSentWhenTheReaderCameOverHttps() {
        try (TestApp direct = TestApp.start(NO_CORPUS, Clock.systemUTC())) {
            assertTrue(hsts(direct, null).isEmpty(), "plain HTTP");
            assertTrue(hsts(direct, "https").isEmpty(), "an untrusted client's word is not enough");
        }
        try (TestApp proxied = TestApp.start(NO_CORPUS, Clock.systemUTC(), null, List.of("127.0.0.1"))) {
            assertEquals(
                    Optional.of("max-age=31536000"),
                    hsts(proxied, "https"),
                    "the trusted proxy spoke HTTPS to the reader");
            assertTrue(hsts(proxied, "http").isEmpty());
            assertTrue(hsts(proxied, null).isEmpty());
        }
    }

    @Test
    void theServerListensOnLoopbackUnlessToldOtherwise() throws SocketException {
        assertEquals("127.0.0.1", Config.DEFAULT_HOST);
        Optional<InetAddress> outward = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(outward.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (TestApp app = TestApp.start(NO_CORPUS, Clock.systemUTC())) {
            assertEquals(200, app.get("/healthz").statusCode(), "reachable on loopback");
            assertThrows(
                    ConnectException.class,
                    () -> {
                        try (Socket s = new Socket()) {
                            s.connect(
                                    new InetSocketAddress(
                                            outward.get(), app.app().port()),
                                    5_000);
                        }
                    },
                    "not reachable on " + outward.get().getHostAddress());
        }
    }
}
