package glossa.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.Access;
import glossa.accounts.Role;
import glossa.accounts.Sessions;
import glossa.accounts.User;
import glossa.errors.Reason;
import glossa.essays.EssayRepository;
import glossa.web.Api;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A W3C Web Annotation Protocol server. Containers {@code /api/annotations/} (all notes; POST creates)
 * and {@code /api/essays/{slug}/annotations/} (one essay's, read-only) are LDP BasicContainers and
 * AnnotationCollections, paged with AnnotationPages; each note answers GET, HEAD, OPTIONS, PUT (with
 * If-Match) and DELETE. Reading is public; writing needs a session (with CSRF token) or a Bearer token.
 */
final class AnnotationApi {

    static final int PAGE_SIZE = 100;
    private static final String LINK_CONTAINER = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\", "
            + "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";
    private static final String LINK_ITEM = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\", "
            + "<http://www.w3.org/ns/oa#Annotation>; rel=\"type\"";
    private static final String PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
    private static final String PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

    private final AnnotationService service;
    private final AnnotationRepository notes;
    private final EssayRepository essays;
    private final ObjectMapper json;
    private final AnnotationPages pages;

    AnnotationApi(AnnotationService service, AnnotationRepository notes, EssayRepository essays, ObjectMapper json) {
        this.service = service;
        this.notes = notes;
        this.essays = essays;
        this.json = json;
        this.pages = new AnnotationPages(notes, json);
    }

    private AnnotationJson mapper(Context ctx) {
        return new AnnotationJson(json, glossa.web.PublicUrl.base(ctx));
    }

    /** Revision ids to numbers, looked up once per request. */
    private LongFunction<Integer> revisions() {
        Map<Long, Integer> cache = new HashMap<>();
        return id -> cache.computeIfAbsent(
                id, k -> essays.revisionById(k).map(r -> r.revisionNo()).orElse(null));
    }

    // ---- containers ----------------------------------------------------------------------------

    public void allContainer(Context ctx) {
        container(ctx, null, mapper(ctx).containerIri(), "All notes in Glossa", true);
    }

    public void essayContainer(Context ctx) throws AnnotationException {
        var essay = service.essay(ctx.pathParam("slug"));
        AnnotationJson m = mapper(ctx);
        String iri = m.containerIri().replace("/api/annotations/", "/api/essays/" + essay.slug() + "/annotations/");
        container(ctx, essay.essayId(), iri, "Notes on \u201c" + essay.meta().title() + "\u201d", true);
    }

    private void container(Context ctx, Long essayId, String iri, String label, boolean writable) {
        AnnotationJson m = mapper(ctx);
        int total = notes.count(essayId);
        int lastPage = Math.max(0, (total - 1) / PAGE_SIZE);
        String pageParam = ctx.queryParam("page");
        ObjectNode doc;
        String location;
        LongFunction<Integer> revs = revisions();
        String prefer = ctx.header("Prefer") == null ? "" : ctx.header("Prefer");
        if (pageParam != null) {
            int page = AnnotationPages.parsePage(pageParam);
            if (page > lastPage) {
                throw new io.javalin.http.NotFoundResponse(
                        "There is no page " + page + "; the last is " + lastPage + ".");
            }
            doc = pages.page(m, essayId, iri, label, total, page, lastPage, prefer.contains(PREFER_IRIS), revs);
            doc.putArray("@context").add(AnnotationJson.CONTEXT).addObject().put("glossa", AnnotationJson.GLOSSA_NS);
            location = iri + "?page=" + page;
        } else {
            doc = json.createObjectNode();
            ArrayNode context = doc.putArray("@context");
            context.add(AnnotationJson.CONTEXT)
                    .add("http://www.w3.org/ns/ldp.jsonld")
                    .addObject()
                    .put("glossa", AnnotationJson.GLOSSA_NS);
            doc.setAll(pages.collection(iri, label, total));
            if (total > 0 && !prefer.contains(PREFER_MINIMAL)) {
                doc.set(
                        "first",
                        pages.page(m, essayId, iri, label, total, 0, lastPage, prefer.contains(PREFER_IRIS), revs));
            } else if (total > 0) {
                doc.put("first", iri + "?page=0");
            }
            if (total > 0) {
                doc.put("last", iri + "?page=" + lastPage);
            }
            location = iri;
        }
        String etag = "W/\"" + Integer.toHexString(doc.toString().hashCode()) + "\"";
        ctx.header("Allow", writable ? "GET, HEAD, OPTIONS, POST" : "GET, HEAD, OPTIONS");
        ctx.header("Link", LINK_CONTAINER);
        ctx.header("Vary", "Accept, Prefer");
        ctx.header("ETag", etag);
        ctx.header("Content-Location", location);
        if (writable) {
            ctx.header("Accept-Post", AnnotationJson.MEDIA_TYPE);
        }
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(AnnotationJson.MEDIA_TYPE).result(doc.toString());
    }

    public void containerOptions(Context ctx) {
        ctx.header("Allow", "GET, HEAD, OPTIONS, POST")
                .header("Accept-Post", AnnotationJson.MEDIA_TYPE)
                .header("Link", LINK_CONTAINER)
                .header("Vary", "Accept, Prefer")
                .status(200);
    }

    public void essayContainerOptions(Context ctx) {
        containerOptions(ctx);
    }

    // ---- items ---------------------------------------------------------------------------------

    public void create(Context ctx) throws AnnotationException {
        create(ctx, null);
    }

    /**
     * POST to an essay's own container: the same as POST to {@code /api/annotations/}, with the essay
     * implied, so a client that does not know (or rewrites) the essay's IRI can still write.
     */
    public void createInEssay(Context ctx) throws AnnotationException {
        create(ctx, service.essay(ctx.pathParam("slug")).slug());
    }

    private void create(Context ctx, String impliedSlug) throws AnnotationException {
        User user = Access.requireUser(ctx);
        AnnotationJson m = mapper(ctx);
        AnnotationJson.Incoming in = m.read(jsonBody(ctx), impliedSlug);
        if (in.replyTo() == null && in.essaySlug() == null) {
            if (impliedSlug == null) {
                throw new AnnotationException(
                        Reason.INVALID,
                        "target",
                        "The annotation needs a target: an essay IRI with a selector, or a note's IRI for a reply.");
            }
            throw new AnnotationException(
                    Reason.INVALID,
                    "target",
                    "The annotation needs a target with a TextQuoteSelector or a TextPositionSelector.");
        }
        if (impliedSlug != null && in.essaySlug() != null && !impliedSlug.equals(in.essaySlug())) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "target",
                    "This container holds notes on \u201c" + impliedSlug + "\u201d; the target names another essay.");
        }
        boolean reply = in.replyTo() != null;
        NoteInput note = NoteInput.of(in.body(), in.tags(), in.kind(), reply);
        Annotation a = reply
                ? service.reply(user, in.replyTo(), note, in.canonical())
                : service.create(user, in.essaySlug(), in.passage(), note, in.canonical());
        ctx.status(201).header("Location", m.iri(a.id()));
        item(ctx, m, a);
    }

    public void get(Context ctx) throws AnnotationException {
        item(ctx, mapper(ctx), readable(ctx));
    }

    public void itemOptions(Context ctx) throws AnnotationException {
        readable(ctx);
        ctx.header("Allow", "GET, HEAD, OPTIONS, PUT, DELETE")
                .header("Link", LINK_ITEM)
                .header("Vary", "Accept")
                .status(200);
    }

    public void put(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation current = readable(ctx);
        int version = matchedVersion(ctx, current, true);
        AnnotationJson m = mapper(ctx);
        AnnotationJson.Incoming in = m.read(jsonBody(ctx));
        NoteInput note = NoteInput.of(in.body(), in.tags(), in.kind(), current.isReply());
        PassageInput moveTo =
                !current.isReply() && in.passage() != null && movedTarget(current, in.passage()) ? in.passage() : null;
        item(ctx, m, service.update(user, current.id(), note, moveTo, version));
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation current = readable(ctx);
        service.delete(user, current.id(), matchedVersion(ctx, current, false));
        ctx.status(204);
    }

    /**
     * The version the client's If-Match names. The comparison here only answers early; the write
     * itself checks the version again in its UPDATE, so two clients holding the same ETag cannot both
     * win. {@code *} means the version just read. Without If-Match a PUT is refused (428); a DELETE
     * acts on the version just read.
     */
    private static int matchedVersion(Context ctx, Annotation current, boolean required) throws AnnotationException {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            if (required) {
                throw new AnnotationException(
                        Reason.VERSION_REQUIRED,
                        null,
                        "Send If-Match with the note's ETag, so that no one's edit is lost.");
            }
            return current.version();
        }
        if (!ifMatch.strip().equals(current.etag()) && !ifMatch.strip().equals("*")) {
            throw new AnnotationException(
                    Reason.STALE,
                    null,
                    "The note has changed since you read it (its ETag is now " + current.etag() + ").");
        }
        return current.version();
    }

    private static boolean movedTarget(Annotation a, PassageInput p) {
        if (p.start() != null && p.end() != null && !a.orphan()) {
            return p.start() != a.anchor().start() || p.end() != a.anchor().end();
        }
        return p.exact() != null && !p.exact().equals(a.quote().exact());
    }

    private Annotation readable(Context ctx) throws AnnotationException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new AnnotationException(Reason.NOT_FOUND, null, "There is no note " + ctx.pathParam("id") + ".");
        }
        Annotation a = service.get(id);
        boolean moderator =
                Sessions.currentUser(ctx).map(u -> u.can(Role.MODERATOR)).orElse(false);
        if (a.deleted() || (a.hidden() && !moderator)) {
            throw new AnnotationException(Reason.NOT_FOUND, null, "There is no note " + id + ".");
        }
        return a;
    }

    private void item(Context ctx, AnnotationJson m, Annotation a) {
        ctx.header("ETag", a.etag())
                .header("Allow", "GET, HEAD, OPTIONS, PUT, DELETE")
                .header("Link", LINK_ITEM)
                .header("Vary", "Accept")
                .contentType(AnnotationJson.MEDIA_TYPE)
                .result(m.document(a, revisions()).toString());
    }

    private JsonNode jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.contains("json")) {
            throw new io.javalin.http.HttpResponseException(
                    415, "Send the annotation as " + AnnotationJson.MEDIA_TYPE + ".");
        }
        return Api.body(ctx, json);
    }
}
