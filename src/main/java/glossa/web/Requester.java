package glossa.web;

import io.javalin.http.Context;

/**
 * What the web layer knows of who is asking, set on each request by the accounts feature's
 * before-handler (Sessions, in the accounts package). The web layer reads it without knowing the
 * account types, so that {@code web} depends on no feature.
 */
public final class Requester {

    /** The signed-in user (an accounts {@code User}), or absent. */
    public static final String USER_ATTRIBUTE = "glossa.user";
    /** The raw session token of a cookie session, or absent. */
    public static final String SESSION_ATTRIBUTE = "glossa.session";
    /** {@code Boolean.TRUE} when the request authenticated with an API token. */
    public static final String BEARER_ATTRIBUTE = "glossa.bearer";

    private Requester() {}

    /** The signed-in user as templates see it, or null. */
    public static Object user(Context ctx) {
        return ctx.attribute(USER_ATTRIBUTE);
    }

    /** The raw session token of a signed-in cookie session, or null. */
    public static String sessionToken(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** True when the request authenticated with an API token rather than a signed-in session. */
    public static boolean viaApiToken(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(BEARER_ATTRIBUTE));
    }
}
