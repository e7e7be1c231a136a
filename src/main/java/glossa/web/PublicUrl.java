package glossa.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The site's own address, for absolute IRIs (the JSON API's ids, {@code Location} headers) and for
 * knowing whether the reader came over HTTPS. It comes from configuration ({@code --base-url}),
 * never from the request's {@code Host} header, which the client writes: a forged Host would
 * otherwise put another site's address into our answers. Without configuration it is
 * {@code http://localhost:PORT}, the port being the one the connection actually arrived on.
 */
public final class PublicUrl {

    static final String BASE_ATTRIBUTE = "glossa.baseUrl";
    static final String HTTPS_ATTRIBUTE = "glossa.https";

    private final String configured;
    private final TrustedProxies proxies;

    /**
     * @param baseUrl {@code http(s)://host[:port][/path]}, or null or blank for the default
     * @throws IllegalArgumentException saying what is wrong with {@code baseUrl}
     */
    public PublicUrl(String baseUrl, TrustedProxies proxies) {
        this.configured = baseUrl == null || baseUrl.isBlank() ? null : normalise(baseUrl.strip());
        this.proxies = proxies;
    }

    static String normalise(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base-url: \u201c" + baseUrl + "\u201d is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "--base-url: give the site's address as http(s)://host[:port][/path], got \u201c" + baseUrl
                            + "\u201d");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Before-handler: records the base URL and whether this request came over HTTPS. */
    public void apply(Context ctx) {
        String base = configured != null
                ? configured
                : "http://localhost:" + ctx.req().getLocalPort();
        ctx.attribute(BASE_ATTRIBUTE, base);
        boolean https = ctx.req().isSecure() || proxies.forwardedHttps(ctx) || base.startsWith("https:");
        ctx.attribute(HTTPS_ATTRIBUTE, https);
    }

    /** The site's base URL without a trailing slash, e.g. {@code https://glossa.example}. */
    public static String base(Context ctx) {
        String base = ctx.attribute(BASE_ATTRIBUTE);
        return base != null ? base : "http://localhost:" + ctx.req().getLocalPort();
    }

    /** True when the reader's connection is HTTPS: directly, through a trusted proxy, or by configuration. */
    public static boolean https(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(HTTPS_ATTRIBUTE));
    }
}
