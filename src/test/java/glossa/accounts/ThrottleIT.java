package glossa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.MutableClock;
import glossa.TestApp;
import glossa.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in and change-password throttling, over HTTP. The test server trusts the loopback address as
 * a reverse proxy, so each request can say which client address it comes from (X-Forwarded-For).
 */
class ThrottleIT {

    private static final String PASSWORD = AccountsIT.PASSWORD;
    private static final Path NO_CORPUS = Path.of("target", "no-corpus");
    private static final String ATTACKER = "198.51.100.66";
    private static final String USER = "203.0.113.5";

    private MutableClock clock;
    private TestApp app;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        app = TestApp.start(NO_CORPUS, clock, null, List.of("127.0.0.1", "::1"));
        app.client().signUp("Anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static HttpResponse<String> signInFrom(TestApp app, String address, String name, String password) {
        WebClient client = app.client();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", name);
        form.put("password", password);
        form.put("_csrf", client.csrfToken("/signin"));
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return client.send(request.build());
    }

    private HttpResponse<String> signInFrom(String address, String name, String password) {
        return signInFrom(app, address, name, password);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long retryAfter(HttpResponse<String> res) {
        return Long.parseLong(
                res.headers().firstValue("Retry-After").orElseThrow(() -> new AssertionError("no Retry-After")));
    }

    private void failFiveTimes(String address, String name) {
        for (int i = 0; i < SigninThrottle.FREE_FAILURES; i++) {
            assertEquals(
                    401,
                    signInFrom(address, name, "guess number " + i).statusCode(),
                    "failure " + i + " costs nothing");
        }
    }

    @Test
    void theGuessersAddressIsSlowedAndTheRealUsersIsNot() {
        failFiveTimes(ATTACKER, "Anna");
        HttpResponse<String> throttled = signInFrom(ATTACKER, "Anna", PASSWORD);
        assertEquals(429, throttled.statusCode(), "from the guessing address even the right password waits");
        assertEquals(2, retryAfter(throttled));
        assertEquals(
                "Too many failed attempts. Try again in 2 seconds.",
                Jsoup.parse(throttled.body()).selectFirst(".form-error").text());
        assertEquals(
                303, signInFrom(USER, "Anna", PASSWORD).statusCode(), "Anna, from her own address, signs in at once");
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        failFiveTimes(ATTACKER, "Anna");
        long expected = 2;
        long maxSeen = 0;
        for (int round = 0; round < 12; round++) {
            HttpResponse<String> wait = signInFrom(ATTACKER, "Anna", "another guess");
            assertEquals(429, wait.statusCode(), "round " + round);
            long seconds = retryAfter(wait);
            assertEquals(Math.min(expected, SigninThrottle.MAX_DELAY.toSeconds()), seconds, "round " + round);
            maxSeen = Math.max(maxSeen, seconds);
            clock.advance(Duration.ofSeconds(seconds - 1));
            assertEquals(
                    429, signInFrom(ATTACKER, "Anna", "too early").statusCode(), "one second early is still too early");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(
                    401,
                    signInFrom(ATTACKER, "Anna", "guess after waiting " + round).statusCode());
            expected *= 2;
        }
        assertEquals(900, maxSeen, "the wait stops growing at 15 minutes");
        assertEquals(303, signInFrom(USER, "Anna", PASSWORD).statusCode(), "and Anna was never locked out");
    }

    @Test
    void theRightPasswordClearsTheBackOffForThatAddress() {
        failFiveTimes(ATTACKER, "Anna");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(303, signInFrom(ATTACKER, "Anna", PASSWORD).statusCode());
        failFiveTimes(ATTACKER, "Anna");
        assertEquals(2, retryAfter(signInFrom(ATTACKER, "Anna", PASSWORD)), "counting starts afresh");
    }

    @Test
    void oneAddressGuessingManyAccountsIsCapped() {
        for (int i = 0; i < SigninThrottle.PER_ADDRESS; i++) {
            assertEquals(401, signInFrom(ATTACKER, "user" + i, "wrong password").statusCode());
        }
        HttpResponse<String> capped = signInFrom(ATTACKER, "Anna", PASSWORD);
        assertEquals(429, capped.statusCode(), "the address is over its cap, whatever the account");
        assertTrue(retryAfter(capped) <= SigninThrottle.WINDOW.toSeconds());
        assertEquals(303, signInFrom(USER, "Anna", PASSWORD).statusCode(), "other addresses are not");
        clock.advance(SigninThrottle.WINDOW.plusSeconds(1));
        assertEquals(303, signInFrom(ATTACKER, "Anna", PASSWORD).statusCode(), "the cap ends by itself");
    }

    @Test
    void anIpv6HostCountsAsItsWholeSlash64() {
        for (int i = 0; i < SigninThrottle.FREE_FAILURES; i++) {
            assertEquals(
                    401,
                    signInFrom("2001:db8:1:2::" + (i + 1), "Anna", "guess " + i).statusCode());
        }
        assertEquals(429, signInFrom("2001:db8:1:2:ffff::9", "Anna", PASSWORD).statusCode(), "same /64");
        assertEquals(303, signInFrom("2001:db8:1:3::1", "Anna", PASSWORD).statusCode(), "another /64");
    }

    @Test
    void forwardedForFromAnUntrustedClientIsIgnored() {
        try (TestApp direct = TestApp.start(NO_CORPUS, clock)) {
            direct.client().signUp("Anna", PASSWORD);
            for (int i = 0; i < SigninThrottle.FREE_FAILURES; i++) {
                assertEquals(
                        401,
                        signInFrom(direct, "192.0.2." + i, "Anna", "guess " + i).statusCode());
            }
            assertEquals(
                    429,
                    signInFrom(direct, "192.0.2.200", "Anna", PASSWORD).statusCode(),
                    "a made-up X-Forwarded-For does not buy a fresh address");
        }
    }

    @Test
    void theChangePasswordFormIsThrottledLikeSignIn() {
        WebClient anna = app.client();
        assertEquals(303, anna.signIn("Anna", PASSWORD).statusCode());
        for (int i = 0; i < SigninThrottle.FREE_FAILURES; i++) {
            HttpResponse<String> wrong = anna.submit(
                    "/account/password",
                    "/account/password",
                    Map.of("current", "guess number " + i, "password", "a brand new password"));
            assertEquals(422, wrong.statusCode());
            assertTrue(Jsoup.parse(wrong.body())
                    .selectFirst(".field.has-error .error")
                    .text()
                    .contains("not your current password"));
        }
        HttpResponse<String> throttled = anna.submit(
                "/account/password",
                "/account/password",
                Map.of("current", PASSWORD, "password", "a brand new password"));
        assertEquals(429, throttled.statusCode(), "wrong current passwords count as failures");
        assertEquals(2, retryAfter(throttled));
        assertTrue(Jsoup.parse(throttled.body())
                .selectFirst(".field.has-error .error")
                .text()
                .contains("Try again in 2 seconds"));
        assertEquals(303, signInFrom(USER, "Anna", PASSWORD).statusCode(), "the password did not change");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(
                200,
                anna.submit(
                                "/account/password",
                                "/account/password",
                                Map.of("current", PASSWORD, "password", "a brand new password"))
                        .statusCode());
    }

    @Test
    void anEnormousUsernameIsAnOrdinaryFailure() {
        String huge = "x".repeat(5000);
        for (int i = 0; i < SigninThrottle.FREE_FAILURES; i++) {
            assertEquals(401, signInFrom(ATTACKER, huge, "wrong password").statusCode());
        }
        assertEquals(429, signInFrom(ATTACKER, huge, "wrong password").statusCode());
    }
}
