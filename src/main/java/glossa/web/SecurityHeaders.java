package glossa.web;

import io.javalin.http.Context;

/**
 * Headers sent with every response. The Content-Security-Policy allows scripts and styles only from
 * this origin, so no inline script can run even if some markup slipped past escaping. Over HTTPS,
 * Strict-Transport-Security tells browsers to never use plain HTTP for this site again (browsers ignore
 * it over HTTP, where an attacker could have written it); this runs after {@link PublicUrl#apply}.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** One year, the value browsers' preload lists ask for; subdomains are the operator's to decide. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        if (PublicUrl.https(ctx)) {
            ctx.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }
}
