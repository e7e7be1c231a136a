package glossa.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.errors.Reason;
import glossa.web.Api;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Claim pages in the JSON API: list, get (with passages), create, edit (If-Match with the page's ETag,
 * which names its revision) and the revision history. Errors are problem details.
 */
final class ClaimApi {

    private final ClaimService service;
    private final ClaimRepository claims;
    private final ObjectMapper json;

    ClaimApi(ClaimService service, ClaimRepository claims, ObjectMapper json) {
        this.service = service;
        this.claims = claims;
        this.json = json;
    }

    public void list(Context ctx) {
        ArrayNode items = json.createArrayNode();
        for (Claim c : claims.all()) {
            items.addObject()
                    .put("id", iri(ctx, c.slug()))
                    .put("slug", c.slug())
                    .put("title", c.title())
                    .put("revision", c.revisionNo());
        }
        ObjectNode doc = json.createObjectNode();
        doc.put("total", items.size());
        doc.set("items", items);
        ctx.json(doc);
    }

    public void get(Context ctx) throws ClaimException {
        Claim c = service.get(ctx.pathParam("slug"));
        ctx.header("ETag", etag(c)).json(document(ctx, c));
    }

    public void create(Context ctx) throws ClaimException {
        User user = Access.requireUser(ctx);
        JsonNode body = Api.body(ctx, json);
        Claim c = service.create(
                user,
                null,
                body.path("title").asText(""),
                body.path("description").asText(""),
                body.path("summary").asText(""));
        ctx.status(201)
                .header("Location", iri(ctx, c.slug()))
                .header("ETag", etag(c))
                .json(document(ctx, c));
    }

    public void put(Context ctx) throws ClaimException {
        User user = Access.requireUser(ctx);
        Claim current = service.get(ctx.pathParam("slug"));
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            throw new ClaimException(
                    Reason.VERSION_REQUIRED,
                    null,
                    "Send If-Match with the page's ETag, so that no one's edit is lost.");
        }
        if (!ifMatch.equals(etag(current))) {
            throw new ClaimException(
                    Reason.STALE,
                    null,
                    "The page has changed since you read it (its ETag is now " + etag(current) + ").");
        }
        JsonNode body = Api.body(ctx, json);
        Claim c = service.edit(
                user,
                current.slug(),
                body.path("title").asText(current.title()),
                body.path("description").asText(current.description()),
                body.path("summary").asText(""),
                current.revisionNo());
        ctx.header("ETag", etag(c)).json(document(ctx, c));
    }

    public void history(Context ctx) throws ClaimException {
        ArrayNode items = json.createArrayNode();
        for (ClaimRevision r : service.history(ctx.pathParam("slug"))) {
            items.addObject()
                    .put("revision", r.revisionNo())
                    .put("title", r.title())
                    .put("summary", r.summary())
                    .put("author", r.author())
                    .put("created", r.at().toString());
        }
        ctx.json(Map.of("revisions", items));
    }

    private ObjectNode document(Context ctx, Claim c) {
        ObjectNode n = json.createObjectNode();
        n.put("id", iri(ctx, c.slug()));
        n.put("slug", c.slug());
        n.put("title", c.title());
        n.put("description", c.description());
        n.put("revision", c.revisionNo());
        ArrayNode passages = n.putArray("passages");
        String base = glossa.web.PublicUrl.base(ctx);
        for (ClaimPassage p : claims.passages(c.id())) {
            ObjectNode o = passages.addObject();
            o.put("annotation", base + "/api/annotations/" + p.annotationId());
            o.put("essay", base + "/essays/" + p.essaySlug());
            o.put("stance", p.stance().code());
            o.put("exact", p.quote());
            if (!p.gone()) {
                o.put("start", p.start());
                o.put("end", p.end());
            }
        }
        return n;
    }

    private static String etag(Claim c) {
        return "W/\"" + c.slug() + "-" + c.revisionNo() + "\"";
    }

    private static String iri(Context ctx, String slug) {
        return glossa.web.PublicUrl.base(ctx) + "/api/claims/" + slug;
    }
}
