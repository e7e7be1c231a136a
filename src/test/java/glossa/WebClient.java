package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** An HTTP client with a cookie jar, speaking to a test server as one browser would (without JavaScript). */
public final class WebClient {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts a form, adding the CSRF token found on {@code tokenPage} (as a browser would have it). */
    public HttpResponse<String> submit(String tokenPage, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken(tokenPage));
        return postForm(path, all);
    }

    /** Posts a form exactly as given: no token added. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public String csrfToken(String page) {
        Element input = Jsoup.parse(get(page).body()).selectFirst("input[name=_csrf]");
        if (input == null) {
            throw new AssertionError("no CSRF field on " + page);
        }
        return input.attr("value");
    }

    public HttpResponse<String> signUp(String name, String password) {
        return submit("/signup", "/signup", Map.of("username", name, "password", password));
    }

    public HttpResponse<String> signIn(String name, String password) {
        return submit("/signin", "/signin", Map.of("username", name, "password", password));
    }

    /**
     * Writes a note on the essay {@code slug} through its form, as this client's account, and returns
     * the note's id; fails the test unless the form took it.
     */
    public long note(String slug, String exact, String body, String tags, String kind) {
        return createdNote(submit(
                "/essays/" + slug + "/annotate",
                "/essays/" + slug + "/annotations",
                Map.of("exact", exact, "body", body, "tags", tags, "kind", kind)));
    }

    /** The id of the note a note form made: its answer is a 303 to the note's anchor ({@code ...#a-ID}). */
    public static long createdNote(HttpResponse<String> res) {
        assertEquals(303, res.statusCode(), res.body());
        String location = res.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#a-") + 3));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send(HttpRequest)}, with the body handled as the test needs (bytes, a file). */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }
}
