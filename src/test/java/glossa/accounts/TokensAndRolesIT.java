package glossa.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.Main;
import glossa.TestApp;
import glossa.WebClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** API tokens, the JSON API's errors, roles, the admin pages and the command line that makes admins. */
class TokensAndRolesIT {

    private static final String PASSWORD = AccountsIT.PASSWORD;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(Path.of("target", "no-corpus"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Runs the real command line against this test's database, with {@code stdin} as standard input. */
    private String[] cli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--db-url";
        full[args.length + 1] = app.dbUrl();
        full[args.length + 2] = "--data-dir";
        full[args.length + 3] = "target";
        java.io.InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = new CommandLine(newMain())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(full);
            return new String[] {Integer.toString(code), out.toString(), err.toString()};
        } finally {
            System.setIn(saved);
        }
    }

    private static Object newMain() {
        try {
            var c = Main.class.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String rawStatusLine(String request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", app.app().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(
                            new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> api(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.client().uri(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return app.client().send(b.build());
    }

    /** A JSON request made with {@code user}'s session cookie and CSRF header, as the site's own scripts would. */
    private static HttpResponse<String> sessionApi(WebClient user, String method, String path, String json) {
        String csrf = user.csrfToken("/account/password");
        return user.send(HttpRequest.newBuilder(user.uri(path))
                .header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String newTokenFromProfile(WebClient user, String name, String tokenName) {
        HttpResponse<String> res = user.submit("/users/" + name, "/account/tokens", Map.of("name", tokenName));
        assertEquals(201, res.statusCode());
        return Jsoup.parse(res.body()).selectFirst("code.token").text();
    }

    @Test
    void aBearerTokenActsAsItsUserUntilRevoked() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        String token = newTokenFromProfile(anna, "Anna", "script");
        assertTrue(token.startsWith("glossa_"));
        assertFalse(anna.get("/users/Anna").body().contains(token), "shown once, never again");

        HttpResponse<String> me = api("GET", "/api/me", token, null);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"username\":\"Anna\""));

        HttpResponse<String> minted = api("POST", "/api/tokens", token, "{\"name\":\"second\"}");
        assertEquals(403, minted.statusCode(), "a token cannot mint tokens");
        assertTrue(minted.body().contains("An API token cannot create API tokens"), minted.body());
        assertTrue(minted.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> viaForm = app.client()
                .send(HttpRequest.newBuilder(app.client().uri("/account/tokens"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=third"))
                        .build());
        assertEquals(403, viaForm.statusCode(), "nor through the profile's form");
        HttpResponse<String> created = sessionApi(anna, "POST", "/api/tokens", "{\"name\":\"second\"}");
        assertEquals(201, created.statusCode(), "a signed-in session can");
        assertTrue(created.body().contains("\"token\":\"glossa_"));
        assertEquals(
                2,
                api("GET", "/api/tokens", token, null).body().split("\"id\"").length - 1,
                "script and second, no third");

        long id = Long.parseLong(Jsoup.parse(anna.get("/users/Anna").body())
                .selectFirst("button[aria-label=Revoke script]")
                .closest("form")
                .attr("action")
                .replaceAll("\\D", ""));
        assertEquals(204, api("DELETE", "/api/tokens/" + id, token, null).statusCode());
        HttpResponse<String> revoked = api("GET", "/api/me", token, null);
        assertEquals(401, revoked.statusCode());
        assertTrue(revoked.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void theApiAnswersWithProblemDetails() {
        WebClient anna = app.client();
        anna.signUp("Anna", PASSWORD);
        String token = newTokenFromProfile(anna, "Anna", "script");

        HttpResponse<String> anonymous = api("GET", "/api/me", null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"status\":401"), anonymous.body());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        assertEquals(400, sessionApi(anna, "POST", "/api/tokens", "{not json").statusCode());
        HttpResponse<String> empty = sessionApi(anna, "POST", "/api/tokens", "{\"name\":\"\"}");
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("\"errors\""), empty.body());
        assertEquals(404, api("DELETE", "/api/tokens/999999", token, null).statusCode());
        assertEquals(404, api("GET", "/api/nothing-here", token, null).statusCode());
        // Only the headers are sent: the server must refuse on the declared length, before any body arrives.
        String status = rawStatusLine("POST /api/tokens HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 300000\r\n\r\n");
        assertTrue(status.startsWith("HTTP/1.1 413"), status);
        assertEquals(
                1,
                api("GET", "/api/tokens", token, null).body().split("\"id\"").length - 1,
                "nothing was created by the failures");
    }

    @Test
    void theFirstAdminComesFromTheCommandLineAndManagesRoles() {
        String[] added = cli("admin password 1\n", "user", "add", "root", "--admin");
        assertEquals("0", added[0], added[2]);
        WebClient member = app.client();
        member.signUp("Anna", PASSWORD);
        assertEquals(403, member.get("/admin/users").statusCode());
        assertEquals(403, member.get("/admin/audit").statusCode());
        assertEquals(303, app.client().get("/admin/users").statusCode(), "anonymous readers are sent to sign in");

        WebClient admin = app.client();
        assertEquals(303, admin.signIn("root", "admin password 1").statusCode());
        Document users = Jsoup.parse(admin.get("/admin/users").body());
        String action = users.select("form.role-form").stream()
                .map(f -> f.attr("action"))
                .filter(a -> !a.isEmpty())
                .filter(a -> users.selectFirst("form[action=" + a + "] select#role-" + a.replaceAll("\\D", "")) != null)
                .filter(a -> users.selectFirst("label[for=role-" + a.replaceAll("\\D", "") + "]")
                        .text()
                        .contains("Anna"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                403,
                member.submit("/users/Anna", action, Map.of("role", "ADMIN")).statusCode(),
                "members cannot promote themselves");
        assertEquals(
                303,
                admin.submit("/admin/users", action, Map.of("role", "MODERATOR"))
                        .statusCode());
        assertTrue(api("GET", "/api/me", newTokenFromProfile(member, "Anna", "t"), null)
                .body()
                .contains("\"role\":\"moderator\""));

        String audit =
                Jsoup.parse(admin.get("/admin/audit").body()).select("table").text();
        for (String action2 : new String[] {"signup", "signin", "role-changed", "token-created", "user-added"}) {
            assertTrue(audit.contains(action2), action2 + " in " + audit);
        }
        assertTrue(audit.contains("member -> moderator"));
    }

    @Test
    void theCommandLineListsUsersSetsRolesResetsPasswordsAndMakesTokens() {
        assertEquals("0", cli("a good password\n", "user", "add", "Boris")[0]);
        assertEquals("1", cli("short\n", "user", "add", "Vera")[0], "bad passwords are refused");
        assertTrue(cli("", "user", "list")[1].contains("Boris\tmember"));
        assertTrue(cli("", "user", "role", "boris", "moderator")[1].contains("Boris is now moderator"));
        assertEquals("1", cli("", "user", "role", "boris", "emperor")[0]);
        assertEquals("0", cli("another good password\n", "user", "password", "Boris")[0]);
        assertEquals(401, app.client().signIn("Boris", "a good password").statusCode());
        assertEquals(303, app.client().signIn("Boris", "another good password").statusCode());
        String token = cli("", "user", "token", "Boris")[1].strip();
        assertTrue(api("GET", "/api/me", token, null).body().contains("\"username\":\"Boris\""));
    }
}
