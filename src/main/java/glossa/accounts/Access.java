package glossa.accounts;

import glossa.web.Api;
import glossa.web.SeeOther;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Checks at the top of handlers that write or administer: who must be signed in, with which role. */
public final class Access {

    private Access() {}

    /** The signed-in user; anonymous pages are sent to sign in first, API calls get 401. */
    public static User requireUser(Context ctx) {
        return Sessions.currentUser(ctx).<RuntimeException>orElseThrow(() -> {
            if (Api.isApi(ctx) || !"GET".equals(ctx.method().name())) {
                return new UnauthorizedResponse("Sign in first.");
            }
            return new SeeOther("/signin?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
        });
    }

    /**
     * The signed-in user of a browser session, refusing API tokens (403 with {@code why}): what a
     * token may never do, such as minting more tokens or changing the password, needs the person.
     */
    public static User requireSession(Context ctx, String why) {
        User user = requireUser(ctx);
        if (Sessions.viaApiToken(ctx)) {
            throw new ForbiddenResponse(why);
        }
        return user;
    }

    public static User requireRole(Context ctx, Role role) {
        User user = requireUser(ctx);
        if (!user.can(role)) {
            throw new ForbiddenResponse("This needs the " + role.label() + " role.");
        }
        return user;
    }
}
