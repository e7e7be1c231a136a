package glossa.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** Cookies are HttpOnly and SameSite=Lax always, Secure when the page came over HTTPS. */
public final class Cookies {

    private Cookies() {}

    /** Sets a cookie; {@code maxAgeSeconds} -1 makes it last for the browser session. */
    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, isHttps(ctx), true, null, SameSite.LAX));
    }

    public static void clear(Context ctx, String name) {
        ctx.cookie(new Cookie(name, "", "/", 0, isHttps(ctx), true, null, SameSite.LAX));
    }

    /**
     * HTTPS as {@link PublicUrl} knows it, or any proxy saying so: the flag only ever makes a cookie
     * stricter, so here even an untrusted X-Forwarded-Proto may switch it on.
     */
    static boolean isHttps(Context ctx) {
        return PublicUrl.https(ctx) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
