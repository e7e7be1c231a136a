package glossa.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.web.Api;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account part of the JSON API: who am I, and my API tokens. */
final class AccountApi {

    /**
     * Why a token cannot mint tokens: a leaked token would otherwise outlive its own revocation
     * through the copies it made.
     */
    static final String NO_TOKENS_FROM_TOKENS =
            "An API token cannot create API tokens. Sign in on the web site to make one.";

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final ObjectMapper json;

    AccountApi(ApiTokens tokens, AuditLog audit, ObjectMapper json) {
        this.tokens = tokens;
        this.audit = audit;
        this.json = json;
    }

    public void me(Context ctx) {
        User user = Access.requireUser(ctx);
        ctx.json(Map.of(
                "id",
                user.id(),
                "username",
                user.username(),
                "role",
                user.role().label()));
    }

    public void listTokens(Context ctx) {
        User user = Access.requireUser(ctx);
        List<Map<String, Object>> list =
                tokens.list(user.id()).stream().map(AccountApi::describe).toList();
        ctx.json(Map.of("tokens", list));
    }

    public void createToken(Context ctx) {
        User user = Access.requireSession(ctx, NO_TOKENS_FROM_TOKENS);
        JsonNode body = Api.body(ctx, json);
        try {
            String name = body.path("name").asText("");
            String token = tokens.create(user.id(), name);
            audit.record(user.id(), "token-created", user.username(), name, ctx.ip());
            ctx.status(201).json(Map.of("name", name.strip(), "token", token));
        } catch (InvalidInput e) {
            Api.problem(ctx, 422, "Invalid input", e.getMessage(), Map.of("errors", Map.of(e.field(), e.getMessage())));
        }
    }

    public void revokeToken(Context ctx) {
        User user = Access.requireUser(ctx);
        long id = ctx.pathParamAsClass("id", Long.class).get();
        if (!tokens.revoke(user.id(), id)) {
            throw new NotFoundResponse("You have no active token with that number.");
        }
        audit.record(user.id(), "token-revoked", user.username(), "token " + id, ctx.ip());
        ctx.status(204);
    }

    private static Map<String, Object> describe(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("name", t.name());
        m.put("created", t.createdAt().toString());
        m.put("lastUsed", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        m.put("revoked", t.revokedAt() == null ? null : t.revokedAt().toString());
        return m;
    }
}
