package glossa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules for names and passwords: lookalike names, blank passwords, what a password change ends. */
class AccountRulesIT {

    private static final String PASSWORD = AccountsIT.PASSWORD;
    private static final Path NO_CORPUS = Path.of("target", "no-corpus");
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(NO_CORPUS, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String fieldError(HttpResponse<String> res, String field) {
        Document doc = Jsoup.parse(res.body());
        var input = doc.selectFirst("input[name=" + field + "]");
        assertTrue(input != null, "no field " + field);
        var error = input.parent().selectFirst(".error");
        assertTrue(
                error != null && input.parent().hasClass("has-error"),
                "no error on " + field + ": " + doc.select(".error").text());
        return error.text();
    }

    @Test
    void lookalikesOfATakenNameAreRefusedWithAClearMessage() {
        assertEquals(303, app.client().signUp("Anna", PASSWORD).statusCode());
        assertEquals(303, app.client().signUp("Bill", PASSWORD).statusCode());
        Map<String, String> lookalikes = Map.of(
                "\u0410nna", "Anna", // Cyrillic capital A
                "Ann\u0430", "Anna", // Cyrillic small a
                "Anna\u0301", "Anna", // a combining acute (NFKC makes it á)
                "A\u0303nna", "Anna", // a combining tilde on the A
                "\u0391nna", "Anna", // Greek capital alpha
                "BilI", "Bill"); // capital I for l
        lookalikes.forEach((name, taken) -> {
            HttpResponse<String> res = app.client().signUp(name, PASSWORD);
            assertEquals(422, res.statusCode(), name);
            assertEquals(
                    "That username looks too much like \u201c" + taken
                            + "\u201d, which is taken; readers could not tell you apart."
                            + " Choose one that reads differently.",
                    fieldError(res, "username"),
                    name);
            assertEquals(
                    name,
                    Jsoup.parse(res.body()).selectFirst("input[name=username]").attr("value"),
                    "what was typed is kept");
        });
        assertEquals(303, app.client().signUp("Hanna", PASSWORD).statusCode(), "a different name is fine");
        assertEquals(303, app.client().signUp("Annabel", PASSWORD).statusCode());
        assertEquals(303, app.client().signUp("8ill", PASSWORD).statusCode(), "8 and B are told apart");
        assertEquals(404, app.get("/users/%D0%90nna").statusCode(), "nothing was created");
    }

    @Test
    void invisibleCharactersAndStackedAccentsAreRefused() {
        for (String name : List.of("Anna\u034F", "Ann\u00E1\u0301\u0301", "\u0301Anna")) {
            HttpResponse<String> res = app.client().signUp(name, PASSWORD);
            assertEquals(422, res.statusCode(), name);
            String error = fieldError(res, "username");
            assertTrue(error.contains("invisible") || error.contains("not an accent"), name + ": " + error);
        }
    }

    @Test
    void namesMadeBeforeTheCheckGetTheirSkeletonAtStart() throws Exception {
        String url = glossa.TestApp.freshDb("glossa");
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration")
                .target("10")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO app_user (username, username_key, password_hash, role, created_at)"
                                + " VALUES ('Olga', 'olga', '!imported', 'MEMBER', CURRENT_TIMESTAMP)")) {
            insert.executeUpdate();
            try (TestApp upgraded = TestApp.start(NO_CORPUS, Clock.systemUTC(), url)) {
                HttpResponse<String> res = upgraded.client().signUp("0lga", PASSWORD);
                assertEquals(422, res.statusCode());
                assertTrue(fieldError(res, "username").contains("\u201cOlga\u201d"));
            }
        }
    }

    @Test
    void aBlankPasswordIsRefusedNamingTheField() {
        for (String blank : List.of(" ".repeat(10), "\u00A0".repeat(12), "\t \u2003\u200B".repeat(4))) {
            HttpResponse<String> res = app.client().signUp("Anna", blank);
            assertEquals(422, res.statusCode());
            assertEquals("A password cannot be blank or only spaces.", fieldError(res, "password"));
        }
        assertEquals(404, app.get("/users/Anna").statusCode());
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        HttpResponse<String> change = anna.submit(
                "/account/password", "/account/password", Map.of("current", PASSWORD, "password", " ".repeat(10)));
        assertEquals(422, change.statusCode());
        assertEquals("A password cannot be blank or only spaces.", fieldError(change, "password"));
        assertEquals(303, app.client().signIn("Anna", PASSWORD).statusCode(), "the password did not change");
        assertEquals(
                303,
                app.client().signUp("Boris", "  spaces  around  ").statusCode(),
                "spaces inside a real password are fine");
    }

    private HttpResponse<String> me(String header, String value) {
        return app.client()
                .send(HttpRequest.newBuilder(app.client().uri("/api/me"))
                        .header(header, value)
                        .GET()
                        .build());
    }

    @Test
    void aPasswordChangeEndsOtherSessionsAndRevokesEveryToken() {
        WebClient here = app.client();
        here.signUp("Anna", PASSWORD);
        WebClient elsewhere = app.client();
        elsewhere.signIn("Anna", PASSWORD);
        String elsewhereSession = elsewhere.cookie("glossa_session").orElseThrow();
        List<String> tokens = List.of("laptop", "phone").stream()
                .map(name -> {
                    HttpResponse<String> res = here.submit("/users/Anna", "/account/tokens", Map.of("name", name));
                    return Jsoup.parse(res.body()).selectFirst("code.token").text();
                })
                .toList();
        for (String token : tokens) {
            assertEquals(200, me("Authorization", "Bearer " + token).statusCode());
        }

        Document form = Jsoup.parse(here.get("/account/password").body());
        assertTrue(form.select("main").text().contains("revokes all your API tokens"), "the form says so beforehand");
        HttpResponse<String> changed = here.submit(
                "/account/password",
                "/account/password",
                Map.of("current", PASSWORD, "password", "a brand new password"));
        assertEquals(200, changed.statusCode());
        String notice = Jsoup.parse(changed.body()).selectFirst(".notice").text();
        assertTrue(notice.contains("your 2 API tokens have been revoked"), notice);

        for (String token : tokens) {
            assertEquals(401, me("Authorization", "Bearer " + token).statusCode(), "tokens are revoked");
        }
        assertEquals(401, me("Cookie", "glossa_session=" + elsewhereSession).statusCode(), "other sessions end");
        assertEquals(200, here.get("/api/me").statusCode(), "this one goes on");
        Document profile = Jsoup.parse(here.get("/users/Anna").body());
        assertEquals(2, profile.select("#tokens td:contains(revoked)").size(), "the profile lists them as revoked");
    }

    @Test
    void anApiTokenCannotChangeThePassword() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        String token = Jsoup.parse(anna.submit("/users/Anna", "/account/tokens", Map.of("name", "script"))
                        .body())
                .selectFirst("code.token")
                .text();
        HttpResponse<String> res = app.client()
                .send(HttpRequest.newBuilder(app.client().uri("/account/password"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "current=correct+horse+battery&password=a+brand+new+password"))
                        .build());
        assertEquals(403, res.statusCode());
        assertTrue(res.body().contains("an API token cannot"), res.body());
        assertEquals(303, app.client().signIn("Anna", PASSWORD).statusCode());
        assertFalse(app.client().signIn("Anna", "a brand new password").statusCode() == 303);
    }
}
