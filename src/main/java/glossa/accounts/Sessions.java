package glossa.accounts;

import glossa.web.Cookies;
import glossa.web.Requester;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;

/**
 * Who is asking. A before-handler resolves each request's user from an {@code Authorization: Bearer}
 * API token or from the session cookie, and the rest of the application asks {@link #currentUser}.
 */
public final class Sessions {

    public static final String COOKIE = "glossa_session";
    private static final String USER_ATTRIBUTE = Requester.USER_ATTRIBUTE;
    private static final String SESSION_ATTRIBUTE = Requester.SESSION_ATTRIBUTE;
    private static final String BEARER_ATTRIBUTE = Requester.BEARER_ATTRIBUTE;
    private static final String BEARER = "Bearer ";

    private final SessionStore store;
    private final ApiTokens tokens;

    public Sessions(SessionStore store, ApiTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    /** Before-handler. A Bearer token that is unknown or revoked is refused outright (401). */
    public void authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            User user = tokens.authenticate(
                            authorization.substring(BEARER.length()).strip())
                    .orElseThrow(() -> new UnauthorizedResponse("The API token is unknown or has been revoked."));
            ctx.attribute(USER_ATTRIBUTE, user);
            ctx.attribute(BEARER_ATTRIBUTE, Boolean.TRUE);
            return;
        }
        String cookie = ctx.cookie(COOKIE);
        if (cookie != null) {
            Optional<User> user = store.find(cookie);
            if (user.isPresent()) {
                ctx.attribute(USER_ATTRIBUTE, user.get());
                ctx.attribute(SESSION_ATTRIBUTE, cookie);
            } else {
                clearCookie(ctx, COOKIE);
            }
        }
    }

    public static Optional<User> currentUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
    }

    /** The raw session token of a signed-in cookie session, or null. */
    public static String sessionToken(Context ctx) {
        return Requester.sessionToken(ctx);
    }

    /** Sets the session cookie for a new sign-in; the old session (if any) is not reused. */
    public static void signedIn(Context ctx, String token) {
        setCookie(ctx, COOKIE, token, (int) SessionStore.LIFETIME.toSeconds());
    }

    public static void signedOut(Context ctx) {
        clearCookie(ctx, COOKIE);
    }

    private static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        Cookies.set(ctx, name, value, maxAgeSeconds);
    }

    private static void clearCookie(Context ctx, String name) {
        Cookies.clear(ctx, name);
    }

    /** True when the request authenticated with an API token rather than a signed-in session. */
    public static boolean viaApiToken(Context ctx) {
        return Requester.viaApiToken(ctx);
    }
}
