package glossa.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationJson;
import glossa.annotations.AnnotationService;
import glossa.errors.Reason;
import glossa.web.Api;
import io.javalin.http.Context;

/**
 * Links in the JSON API, as W3C annotations with motivation "linking" whose two targets are the
 * passages (the first the passage linked from). The relation is the annotation's
 * {@code glossa:relation}, a CiTO IRI where CiTO has one.
 */
final class LinkApi {

    private final LinkService service;
    private final LinkRepository links;
    private final AnnotationService annotations;
    private final ObjectMapper json;

    LinkApi(LinkService service, LinkRepository links, AnnotationService annotations, ObjectMapper json) {
        this.service = service;
        this.links = links;
        this.annotations = annotations;
        this.json = json;
    }

    private String base(Context ctx) {
        return glossa.web.PublicUrl.base(ctx);
    }

    public void list(Context ctx) throws AnnotationException {
        ObjectNode doc = json.createObjectNode();
        doc.putArray("@context").add(AnnotationJson.CONTEXT).addObject().put("glossa", AnnotationJson.GLOSSA_NS);
        doc.put("id", base(ctx) + "/api/links/");
        doc.put("type", "AnnotationCollection");
        ArrayNode items = doc.putArray("items");
        for (LinkView l : links.all()) {
            items.add(item(ctx, l));
        }
        doc.put("total", items.size());
        ctx.contentType(AnnotationJson.MEDIA_TYPE).result(doc.toString());
    }

    public void get(Context ctx) throws AnnotationException {
        ObjectNode n = item(ctx, find(ctx));
        n.putArray("@context").add(AnnotationJson.CONTEXT).addObject().put("glossa", AnnotationJson.GLOSSA_NS);
        ctx.header("ETag", "W/\"link-" + n.path("id").asText().hashCode() + "\"")
                .contentType(AnnotationJson.MEDIA_TYPE)
                .result(n.toString());
    }

    /** {"from": note IRI, "to": {"source": essay IRI, "selector": {...TextQuoteSelector...}}, "relation": "disputes", "comment": "..."}. */
    public void create(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        JsonNode body = Api.body(ctx, json);
        AnnotationJson m = new AnnotationJson(json, base(ctx));
        String from = body.path("from").asText("");
        if (!from.startsWith(m.containerIri())) {
            throw new AnnotationException(
                    Reason.INVALID, "from", "\"from\" must be the IRI of a note, " + m.containerIri() + "{id}.");
        }
        long fromId;
        try {
            fromId = Long.parseLong(from.substring(m.containerIri().length()));
        } catch (NumberFormatException e) {
            throw new AnnotationException(Reason.INVALID, "from", "No such note: " + from);
        }
        ObjectNode asAnnotation = json.createObjectNode();
        asAnnotation.set("target", body.path("to"));
        AnnotationJson.Incoming to = m.read(asAnnotation);
        if (to.essaySlug() == null) {
            throw new AnnotationException(Reason.INVALID, "to", "\"to\" must be a passage of an essay.");
        }
        LinkView made = service.link(
                user,
                fromId,
                to.essaySlug(),
                to.passage(),
                body.path("relation").asText(""),
                body.path("comment").asText(""),
                null);
        String iri = base(ctx) + "/api/links/" + made.id();
        ctx.status(201)
                .header("Location", iri)
                .contentType(AnnotationJson.MEDIA_TYPE)
                .result(item(ctx, made).toString());
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        service.unlink(user, find(ctx).id());
        ctx.status(204);
    }

    private LinkView find(Context ctx) throws AnnotationException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + ctx.pathParam("id") + ".");
        }
        return links.find(id)
                .orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + id + "."));
    }

    ObjectNode item(Context ctx, LinkView l) throws AnnotationException {
        String base = base(ctx);
        ObjectNode n = json.createObjectNode();
        n.put("id", base + "/api/links/" + l.id());
        n.put("type", "Annotation");
        n.put("motivation", "linking");
        n.put("glossa:relation", l.relation().iri());
        n.put("glossa:relationLabel", l.relation().label());
        n.putObject("creator").put("type", "Person").put("nickname", l.author());
        if (!l.comment().isEmpty()) {
            n.putObject("body")
                    .put("type", "TextualBody")
                    .put("value", l.comment())
                    .put("purpose", "commenting");
        }
        ArrayNode targets = n.putArray("target");
        targets.add(passage(base, annotations.get(l.hereId())));
        targets.add(passage(base, annotations.get(l.otherId())));
        return n;
    }

    private ObjectNode passage(String base, Annotation a) {
        ObjectNode t = json.createObjectNode();
        t.put("id", base + "/api/annotations/" + a.id());
        t.put("source", base + "/essays/" + a.essaySlug());
        ArrayNode selectors = t.putArray("selector");
        selectors
                .addObject()
                .put("type", "TextQuoteSelector")
                .put("exact", a.quote().exact())
                .put("prefix", a.quote().prefix())
                .put("suffix", a.quote().suffix());
        if (!a.orphan()) {
            selectors
                    .addObject()
                    .put("type", "TextPositionSelector")
                    .put("start", a.anchor().start())
                    .put("end", a.anchor().end());
        }
        if (!a.visible()) {
            t.put("glossa:removed", true);
        }
        return t;
    }
}
