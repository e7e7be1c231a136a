package glossa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.MutableClock;
import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in, sessions and their rules, against a real server over HTTP. */
class AccountsIT {

    static final String PASSWORD = "correct horse battery";
    private static final Path NO_CORPUS = Path.of("target", "no-corpus");

    private MutableClock clock;
    private TestApp app;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        app = TestApp.start(NO_CORPUS, clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String mainText(HttpResponse<String> res) {
        return Jsoup.parse(res.body()).select("main").text();
    }

    @Test
    void signingUpSignsInAndShowsTheProfile() {
        WebClient anna = app.client();
        HttpResponse<String> res = anna.signUp("Anna", PASSWORD);
        assertEquals(303, res.statusCode());
        assertEquals("/users/Anna", res.headers().firstValue("Location").orElseThrow());
        Document profile = Jsoup.parse(anna.get("/users/Anna").body());
        assertEquals("Anna", profile.selectFirst("main h1").text());
        assertTrue(profile.selectFirst(".account-nav").text().contains("Sign out"));
        assertTrue(profile.select("#tokens").size() == 1, "the owner sees their tokens section");
        assertTrue(app.client().get("/users/Anna").body().contains("No notes, replies or links yet."));
        assertTrue(
                Jsoup.parse(app.client().get("/users/Anna").body())
                        .select("#tokens")
                        .isEmpty(),
                "others do not");
    }

    @Test
    void usernamesAreUniqueRegardlessOfCaseAndWidth() {
        assertEquals(303, app.client().signUp("Anna", PASSWORD).statusCode());
        for (String clash : List.of("anna", "ANNA", "\uFF41\uFF4E\uFF4E\uFF41")) {
            HttpResponse<String> res = app.client().signUp(clash, PASSWORD);
            assertEquals(422, res.statusCode(), clash);
            assertTrue(mainText(res).contains("That username is taken."), clash);
        }
        assertEquals(401, app.client().signIn("anna", "wrong password!").statusCode());
        assertEquals(303, app.client().signIn("ANNA", PASSWORD).statusCode(), "sign-in ignores case too");
    }

    @Test
    void badUsernamesAndPasswordsGetFieldMessagesAndCreateNothing() {
        Map<String, String> cases = Map.of(
                "ab", "3 to 32 characters", "a".repeat(33), "3 to 32 characters", "has space", "letters, digits");
        cases.forEach((name, message) -> {
            HttpResponse<String> res = app.client().signUp(name, PASSWORD);
            assertEquals(422, res.statusCode(), name);
            Document doc = Jsoup.parse(res.body());
            assertTrue(
                    doc.selectFirst(".field.has-error .error").text().contains(message),
                    name + ": " + doc.select(".error").text());
            assertEquals(name, doc.selectFirst("input[name=username]").attr("value"), "the form keeps what was typed");
        });
        HttpResponse<String> shortPassword = app.client().signUp("Boris", "nine char");
        assertEquals(422, shortPassword.statusCode());
        assertTrue(mainText(shortPassword).contains("at least 10 characters"));
        HttpResponse<String> longPassword = app.client().signUp("Boris", "x".repeat(1001));
        assertTrue(mainText(longPassword).contains("at most 1000 characters"));
        assertFalse(shortPassword.body().contains("nine char"), "a password is never echoed back");
        assertEquals(404, app.get("/users/Boris").statusCode());
        assertEquals(303, app.client().signUp("Boris", "x".repeat(1000)).statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        app.client().signUp("Anna", PASSWORD);
        HttpResponse<String> wrong = app.client().signIn("Anna", "not the password");
        HttpResponse<String> unknown = app.client().signIn("Nobody", "not the password");
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.statusCode(), unknown.statusCode());
        String a = Jsoup.parse(wrong.body()).selectFirst(".form-error").text();
        String b = Jsoup.parse(unknown.body()).selectFirst(".form-error").text();
        assertEquals("Wrong username or password.", a);
        assertEquals(a, b);
    }

    @Test
    void eachSignInGetsANewSessionWithSafeCookieFlags() {
        app.client().signUp("Anna", PASSWORD);
        WebClient browser = app.client();
        HttpResponse<String> first = browser.signIn("Anna", PASSWORD);
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("glossa_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP cannot carry Secure cookies");
        String firstId = browser.cookie("glossa_session").orElseThrow();
        browser.signIn("Anna", PASSWORD);
        assertNotEquals(firstId, browser.cookie("glossa_session").orElseThrow(), "a new session id at every sign-in");

        WebClient proxied = app.client();
        String token = proxied.csrfToken("/signin");
        HttpResponse<String> https = proxied.send(java.net.http.HttpRequest.newBuilder(proxied.uri("/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=Anna&password=correct+horse+battery&_csrf=" + token))
                .build());
        assertTrue(https.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("glossa_session=") && c.contains("Secure")));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        String session = anna.cookie("glossa_session").orElseThrow();
        assertEquals(200, withSession(session).statusCode());
        assertEquals(303, anna.submit("/", "/signout", Map.of()).statusCode());
        assertEquals(401, withSession(session).statusCode(), "the old cookie no longer works anywhere");
    }

    private HttpResponse<String> withSession(String session) {
        return app.client()
                .send(java.net.http.HttpRequest.newBuilder(app.client().uri("/api/me"))
                        .header("Cookie", "glossa_session=" + session)
                        .GET()
                        .build());
    }

    @Test
    void stateChangesWithoutAValidCsrfTokenAreRefusedAndChangeNothing() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        Map<String, String> change = Map.of("current", PASSWORD, "password", "a brand new password");
        assertEquals(403, anna.postForm("/account/password", change).statusCode());
        Map<String, String> forged = new java.util.HashMap<>(change);
        forged.put("_csrf", "forged");
        assertEquals(403, anna.postForm("/account/password", forged).statusCode());
        assertEquals(303, app.client().signIn("Anna", PASSWORD).statusCode(), "the password did not change");
        assertEquals(
                403,
                app.client()
                        .postForm("/signin", Map.of("username", "Anna", "password", PASSWORD))
                        .statusCode(),
                "even sign-in needs the token, against login CSRF");
        assertEquals(
                200,
                anna.submit("/account/password", "/account/password", change).statusCode());
        assertEquals(303, app.client().signIn("Anna", "a brand new password").statusCode());
    }

    @Test
    void aSessionSurvivesARestartOfTheServer() {
        Path dir = Path.of("target", "restart-" + System.nanoTime());
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
        WebClient anna;
        String session;
        try (TestApp first = TestApp.start(NO_CORPUS, clock, url)) {
            anna = first.client();
            anna.signUp("Anna", PASSWORD);
            session = anna.cookie("glossa_session").orElseThrow();
        }
        try (TestApp second = TestApp.start(NO_CORPUS, clock, url)) {
            HttpResponse<String> me = second.client()
                    .send(java.net.http.HttpRequest.newBuilder(second.client().uri("/api/me"))
                            .header("Cookie", "glossa_session=" + session)
                            .GET()
                            .build());
            assertEquals(200, me.statusCode());
            assertTrue(me.body().contains("\"username\":\"Anna\""), me.body());
        } finally {
            TestApp.deleteRecursively(dir);
        }
    }

    @Test
    void pagesEscapeWhatUsersWrote() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        HttpResponse<String> res =
                anna.submit("/users/Anna", "/account/tokens", Map.of("name", "<script>alert(1)</script>"));
        assertEquals(201, res.statusCode());
        assertFalse(res.body().contains("<script>alert(1)</script>"));
        assertTrue(res.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
