package glossa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where sign-in and sign-up send the reader afterwards: only ever to a path on this site. */
class SignInRedirectIT {

    private static final String PASSWORD = AccountsIT.PASSWORD;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(Path.of("target", "no-corpus"), Clock.systemUTC());
        app.client().signUp("Anna", PASSWORD);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Signs in with {@code rawNext} put into the form body exactly as given (already URL-encoded, or not). */
    private HttpResponse<String> signInWithRawNext(String rawNext) {
        WebClient client = app.client();
        String body = "username=Anna&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + client.csrfToken("/signin") + "&next=" + rawNext;
        return client.send(HttpRequest.newBuilder(client.uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String location(HttpResponse<String> res) {
        assertEquals(303, res.statusCode(), res.body());
        return res.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void nextThatCouldLeaveTheSiteSendsTheReaderHome() {
        // Each as it travels in the form body; the server decodes it once, then checks every further decoding.
        List<String> attacks = List.of(
                "//evil.example", // protocol-relative
                "/%5Cevil.example", // /\evil.example
                "/%09/evil.example", // a tab, which browsers drop: //evil.example
                "/%0A/evil.example", // a newline, likewise
                "%2F%2Fevil.example", // //evil.example once decoded
                "%252F%252Fevil.example", // %2F%2Fevil.example, then //evil.example
                "/%252F/evil.example", // /%2F/evil.example, then ///evil.example
                "https:evil.example",
                "https%3A%2F%2Fevil.example",
                "/%25%30%39/evil.example", // %09 spelt with escapes
                "/%E2%80%AE/x%5C"); // a backslash after other text
        for (String attack : attacks) {
            assertEquals("/", location(signInWithRawNext(attack)), attack);
        }
    }

    @Test
    void aLocalPathIsKeptWithItsQueryAndFragment() {
        String next = "/essays/x?y=1#p3";
        assertEquals(next, location(signInWithRawNext(URLEncoder.encode(next, StandardCharsets.UTF_8))));
        Document form = Jsoup.parse(app.client()
                .get("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                .body());
        assertEquals(next, form.selectFirst("input[name=next]").attr("value"));
        Document refused = Jsoup.parse(
                app.client().get("/signin?next=%2F%09%2Fevil.example").body());
        assertEquals("/", refused.selectFirst("input[name=next]").attr("value"), "the form never carries a bad next");
    }

    @Test
    void nextSurvivesGoingFromSignInToSignUpAndBackAndSignUpFollowsIt() {
        String next = "/essays/x?y=1#p3";
        WebClient reader = app.client();
        Document signIn = Jsoup.parse(reader.get("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                .body());
        String toSignUp = signIn.selectFirst("main a[href^='/signup']").attr("href");
        assertTrue(toSignUp.startsWith("/signup?next="), toSignUp);
        Document signUp = Jsoup.parse(reader.get(toSignUp).body());
        assertEquals(next, signUp.selectFirst("input[name=next]").attr("value"));
        String back = signUp.selectFirst("main a[href^='/signin']").attr("href");
        assertEquals(
                next,
                Jsoup.parse(reader.get(back).body())
                        .selectFirst("input[name=next]")
                        .attr("value"));

        HttpResponse<String> created =
                reader.submit(toSignUp, "/signup", Map.of("username", "Boris", "password", PASSWORD, "next", next));
        assertEquals(next, location(created), "a new account goes where the reader was headed");
        HttpResponse<String> refused =
                reader.submit("/signup", "/signup", Map.of("username", "Boris", "password", PASSWORD, "next", next));
        assertEquals(422, refused.statusCode());
        assertEquals(
                next,
                Jsoup.parse(refused.body()).selectFirst("input[name=next]").attr("value"),
                "a refused form keeps it");
        HttpResponse<String> home = app.client()
                .submit(
                        "/signup",
                        "/signup",
                        Map.of("username", "Vera", "password", PASSWORD, "next", "//evil.example"));
        assertEquals("/users/Vera", location(home), "without a usable next, the new profile");
    }

    @Test
    void theHeaderLinksCarryThePageTheReaderIsOn() {
        Document page = Jsoup.parse(app.client().get("/claims").body());
        assertEquals(
                "/signin?next=/claims",
                page.selectFirst(".account-nav a[href^='/signin']").attr("href"));
        assertEquals(
                "/signup?next=/claims",
                page.selectFirst(".account-nav a[href^='/signup']").attr("href"));
    }

    @Test
    void namesBeyondLatin1WorkInRedirectsAndProfileAddresses() {
        WebClient tomas = app.client();
        HttpResponse<String> created = tomas.signUp("Tomáš", PASSWORD);
        assertEquals("/users/Tom%C3%A1%C5%A1", location(created));
        HttpResponse<String> profile = tomas.get(location(created));
        assertEquals(200, profile.statusCode());
        Document doc = Jsoup.parse(profile.body());
        assertEquals("Tomáš", doc.selectFirst("main h1").text());
        assertEquals(
                "/users/Tom%C3%A1%C5%A1",
                doc.selectFirst(".account-nav a.account-name").attr("href"));
        HttpResponse<String> greek = app.client().signUp("Σωκράτης", PASSWORD);
        assertEquals("/users/%CE%A3%CF%89%CE%BA%CF%81%CE%AC%CF%84%CE%B7%CF%82", location(greek));
        assertEquals(200, app.client().get(location(greek)).statusCode());
    }
}
