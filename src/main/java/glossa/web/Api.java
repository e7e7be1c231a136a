package glossa.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conventions of the JSON API: paths under /api/, errors as RFC 9457 problem details. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {}

    public static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /** Writes a problem document; {@code extra} adds members such as per-field errors. */
    public static void problem(Context ctx, int status, String title, String detail, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (extra != null) {
            body.putAll(extra);
        }
        ctx.status(status).json(body).contentType(PROBLEM_JSON);
        ErrorPages.markRendered(ctx);
    }

    /** Parses a JSON request body; malformed JSON is a 400 that says so. */
    public static JsonNode body(Context ctx, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("The request body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestResponse("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
