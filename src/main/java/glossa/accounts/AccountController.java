package glossa.accounts;

import glossa.web.LocalPaths;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-up, sign-in, sign-out, password change, profiles and personal API tokens, as HTML forms.
 * Forms come in pairs (show / process); a successful POST redirects, a failed one re-renders the form
 * with a message per field and changes nothing.
 */
final class AccountController {

    private final AccountService accounts;
    private final UserRepository users;
    private final ApiTokens tokens;
    private final AuditLog audit;
    private final Contributions contributions;

    /** Contributions listed per page of a user's profile. */
    static final int CONTRIBUTIONS_PAGE = 30;

    private static final int MAX_PAGE = 100_000;

    /** {@code contributions} lists a user's notes, replies and links (the recent changes feature provides it). */
    AccountController(
            AccountService accounts,
            UserRepository users,
            ApiTokens tokens,
            AuditLog audit,
            Contributions contributions) {
        this.contributions = contributions;
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
    }

    public void showSignUp(Context ctx) {
        ctx.render(
                "accounts/signup",
                Map.of("errors", Map.of(), "username", "", "next", LocalPaths.safeNext(ctx.queryParam("next"))));
    }

    /** Signs the new user in and goes where they were headed ({@code next}), else to their profile. */
    public void processSignUp(Context ctx) {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        String next = LocalPaths.safeNext(ctx.formParam("next"));
        try {
            User user = accounts.signUp(username, password, ctx.ip());
            SignInResult result = accounts.signIn(user.username(), password, ctx.ip());
            if (result instanceof SignInResult.Success s) {
                Sessions.signedIn(ctx, s.sessionToken());
            }
            ctx.redirect(next.equals("/") ? profilePath(user) : next, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(422)
                    .render(
                            "accounts/signup",
                            Map.of(
                                    "errors",
                                    Map.of(e.field(), e.getMessage()),
                                    "username",
                                    username == null ? "" : username,
                                    "next",
                                    next));
        }
    }

    public void showSignIn(Context ctx) {
        ctx.render(
                "accounts/signin",
                Map.of("error", "", "username", "", "next", LocalPaths.safeNext(ctx.queryParam("next"))));
    }

    public void processSignIn(Context ctx) {
        String username = ctx.formParam("username");
        String next = LocalPaths.safeNext(ctx.formParam("next"));
        SignInResult result = accounts.signIn(username, ctx.formParam("password"), ctx.ip());
        String typed = username == null ? "" : username;
        if (result instanceof SignInResult.Success s) {
            Sessions.signedIn(ctx, s.sessionToken());
            ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
        } else if (result instanceof SignInResult.Throttled t) {
            ctx.header("Retry-After", Long.toString(SigninThrottle.retryAfterSeconds(t.retryAfter())));
            ctx.status(429)
                    .render(
                            "accounts/signin",
                            Map.of(
                                    "error",
                                    "Too many failed attempts. Try again in " + SigninThrottle.inWords(t.retryAfter())
                                            + ".",
                                    "username",
                                    typed,
                                    "next",
                                    next));
        } else {
            ctx.status(401)
                    .render(
                            "accounts/signin",
                            Map.of("error", "Wrong username or password.", "username", typed, "next", next));
        }
    }

    public void signOut(Context ctx) {
        accounts.signOut(Sessions.sessionToken(ctx), Sessions.currentUser(ctx).orElse(null), ctx.ip());
        Sessions.signedOut(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void showPassword(Context ctx) {
        Access.requireUser(ctx);
        ctx.render("accounts/password", Map.of("errors", Map.of(), "done", false, "revoked", 0));
    }

    public void processPassword(Context ctx) {
        User user = Access.requireSession(ctx, "Change your password signed in on the web site; an API token cannot.");
        try {
            int revoked = accounts.changePassword(
                    user, ctx.formParam("current"), ctx.formParam("password"), Sessions.sessionToken(ctx), ctx.ip());
            ctx.render("accounts/password", Map.of("errors", Map.of(), "done", true, "revoked", revoked));
        } catch (InvalidInput e) {
            ctx.status(422)
                    .render(
                            "accounts/password",
                            Map.of("errors", Map.of(e.field(), e.getMessage()), "done", false, "revoked", 0));
        } catch (TooManyAttempts e) {
            ctx.header("Retry-After", Long.toString(SigninThrottle.retryAfterSeconds(e.retryAfter())));
            ctx.status(429)
                    .render(
                            "accounts/password",
                            Map.of("errors", Map.of("current", e.getMessage()), "done", false, "revoked", 0));
        }
    }

    public void profile(Context ctx) {
        renderProfile(ctx, findUser(ctx), null, Map.of());
    }

    public void createToken(Context ctx) {
        User user = Access.requireSession(ctx, AccountApi.NO_TOKENS_FROM_TOKENS);
        try {
            String token = tokens.create(user.id(), ctx.formParam("name"));
            audit.record(user.id(), "token-created", user.username(), ctx.formParam("name"), ctx.ip());
            renderProfile(ctx.status(201), user, token, Map.of());
        } catch (InvalidInput e) {
            renderProfile(ctx.status(422), user, null, Map.of(e.field(), e.getMessage()));
        }
    }

    public void revokeToken(Context ctx) {
        User user = Access.requireUser(ctx);
        long id = ctx.pathParamAsClass("id", Long.class).get();
        if (!tokens.revoke(user.id(), id)) {
            throw new NotFoundResponse("You have no active token with that number.");
        }
        audit.record(user.id(), "token-revoked", user.username(), "token " + id, ctx.ip());
        ctx.redirect(profilePath(user) + "#tokens", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private User findUser(Context ctx) {
        String name = ctx.pathParam("username");
        return users.findByName(name)
                .orElseThrow(() -> new NotFoundResponse("There is no user called \u201c" + name + "\u201d."));
    }

    private void renderProfile(Context ctx, User profile, String newToken, Map<String, String> errors) {
        boolean self =
                Sessions.currentUser(ctx).map(u -> u.id() == profile.id()).orElse(false);
        Map<String, Object> model = new HashMap<>();
        model.put("profile", profile);
        model.put("self", self);
        model.put("tokens", self ? tokens.list(profile.id()) : List.of());
        model.put("newToken", newToken);
        model.put("errors", errors);
        int page = page(ctx.queryParam("page"));
        List<Contribution> rows =
                contributions.page(profile.username(), (page - 1) * CONTRIBUTIONS_PAGE, CONTRIBUTIONS_PAGE);
        model.put("contributions", rows.size() > CONTRIBUTIONS_PAGE ? rows.subList(0, CONTRIBUTIONS_PAGE) : rows);
        model.put("page", page);
        model.put("more", rows.size() > CONTRIBUTIONS_PAGE);
        ctx.render("accounts/profile", model);
    }

    private static int page(String raw) {
        if (raw == null || !raw.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(raw)));
    }

    /** The profile's path, the name percent-encoded so that the Location header carries any name. */
    private static String profilePath(User user) {
        return "/users/" + LocalPaths.segment(user.username());
    }
}
