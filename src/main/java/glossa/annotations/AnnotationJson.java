package glossa.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.errors.Reason;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Notes as W3C Web Annotations (JSON-LD, anno.jsonld context). The body is a Markdown TextualBody
 * plus one tagging body per tag; the target is the essay with a TextQuoteSelector and a
 * TextPositionSelector over the revision named in the target's state. A reply targets the note's IRI.
 * Glossa's own facts (the revision a note was made on and its selectors then, how it is anchored now,
 * deletion and hiding) go under the {@code glossa:} prefix so that an export loses nothing.
 */
public final class AnnotationJson {

    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    public static final String GLOSSA_NS = "https://glossa.example/ns#";
    public static final String MEDIA_TYPE = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    private final ObjectMapper json;
    private final String base;

    /** {@code base} is the server's origin, e.g. "http://localhost:7070", used to build IRIs. */
    public AnnotationJson(ObjectMapper json, String base) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String containerIri() {
        return base + "/api/annotations/";
    }

    public String iri(long id) {
        return containerIri() + id;
    }

    /** The note as a top-level JSON-LD document (with its @context). */
    public ObjectNode document(Annotation a, LongFunction<Integer> revisionNo) {
        ObjectNode node = json.createObjectNode();
        ArrayNode context = node.putArray("@context");
        context.add(CONTEXT);
        context.addObject().put("glossa", GLOSSA_NS);
        node.setAll(item(a, revisionNo));
        return node;
    }

    /** The note as an item of a page (the page carries the context). */
    public ObjectNode item(Annotation a, LongFunction<Integer> revisionNo) {
        ObjectNode n = json.createObjectNode();
        n.put("id", iri(a.id()));
        n.put("type", "Annotation");
        n.put("motivation", a.isReply() ? "replying" : motivation(a.kind()));
        ObjectNode creator = n.putObject("creator");
        creator.put("id", base + "/users/" + glossa.web.LocalPaths.segment(a.author()));
        creator.put("type", "Person");
        creator.put("nickname", a.author());
        n.put("created", a.createdAt().toString());
        n.put("modified", a.updatedAt().toString());
        if (a.canonicalIri() != null) {
            n.put("canonical", a.canonicalIri());
        }
        ArrayNode bodies = n.putArray("body");
        if (!a.body().isEmpty()) {
            ObjectNode text = bodies.addObject();
            text.put("type", "TextualBody");
            text.put("value", a.body());
            text.put("format", "text/markdown");
            text.put("purpose", a.isReply() ? "replying" : motivation(a.kind()));
        }
        for (String tag : a.tags()) {
            ObjectNode t = bodies.addObject();
            t.put("type", "TextualBody");
            t.put("value", tag);
            t.put("purpose", "tagging");
        }
        if (a.isReply()) {
            n.put("target", iri(a.parentId()));
        } else {
            addPassage(n, a, revisionNo);
        }
        if (a.deletedAt() != null) {
            n.put("glossa:deleted", a.deletedAt().toString());
        }
        if (a.hiddenAt() != null) {
            n.put("glossa:hidden", a.hiddenAt().toString());
        }
        return n;
    }

    /** The target (the passage where the note stands now) and where it was made, for a note that is not a reply. */
    private void addPassage(ObjectNode n, Annotation a, LongFunction<Integer> revisionNo) {
        ObjectNode target = n.putObject("target");
        target.put("source", base + "/essays/" + a.essaySlug());
        target.put("type", "Text");
        ObjectNode state = target.putObject("state");
        state.put("type", "HttpRequestState");
        Integer anchoredOn = a.anchorRevisionId() == null ? null : revisionNo.apply(a.anchorRevisionId());
        state.put("value", "X-Essay-Revision: " + anchoredOn);
        ArrayNode selectors = target.putArray("selector");
        addQuote(selectors, a.quote());
        if (!a.orphan()) {
            ObjectNode pos = selectors.addObject();
            pos.put("type", "TextPositionSelector");
            pos.put("start", a.anchor().start());
            pos.put("end", a.anchor().end());
        }
        ObjectNode made = n.putObject("glossa:madeOn");
        made.put("revision", a.madeOnRevisionId() == null ? null : revisionNo.apply(a.madeOnRevisionId()));
        ArrayNode madeSelectors = made.putArray("selector");
        addQuote(madeSelectors, a.made());
        ObjectNode madePos = madeSelectors.addObject();
        madePos.put("type", "TextPositionSelector");
        madePos.put("start", a.madeStart());
        madePos.put("end", a.madeEnd());
        n.put("glossa:anchoring", a.anchor().method().name().toLowerCase(Locale.ROOT));
    }

    private static void addQuote(ArrayNode selectors, glossa.anchoring.TextQuoteSelector q) {
        ObjectNode quote = selectors.addObject();
        quote.put("type", "TextQuoteSelector");
        quote.put("exact", q.exact());
        quote.put("prefix", q.prefix());
        quote.put("suffix", q.suffix());
    }

    static String motivation(Kind kind) {
        return switch (kind) {
            case COMMENT -> "commenting";
            case QUESTION -> "questioning";
            case HIGHLIGHT -> "highlighting";
            case ANCHOR -> "identifying";
        };
    }

    static String kindOf(String motivation) {
        if (motivation == null) {
            return "comment";
        }
        return switch (motivation) {
            case "questioning" -> "question";
            case "highlighting" -> "highlight";
            case "identifying" -> "anchor";
            case "commenting", "replying" -> "comment";
            default -> "unknown motivation " + motivation;
        };
    }

    /** What a client sent, read leniently but checked: body, tags, motivation, target, canonical. */
    public record Incoming(
            String body,
            List<String> tags,
            String kind,
            String essaySlug,
            Long replyTo,
            PassageInput passage,
            String canonical) {}

    /** The longest canonical IRI kept (the column's size). */
    static final int MAX_CANONICAL = 1000;

    public Incoming read(JsonNode n) throws AnnotationException {
        return read(n, null);
    }

    /**
     * As {@link #read(JsonNode)}; {@code impliedSlug} is the essay a target without a source is on (a
     * client posting to an essay's own container need not know the essay's IRI).
     */
    public Incoming read(JsonNode n, String impliedSlug) throws AnnotationException {
        String type = n.path("type").isArray()
                ? n.path("type").path(0).asText("")
                : n.path("type").asText("");
        if (!type.isEmpty() && !type.equals("Annotation")) {
            throw new AnnotationException(Reason.INVALID, "type", "The type must be Annotation.");
        }
        Bodies bodies = Bodies.of(n.path("body"));
        String body = bodies.text();
        List<String> tags = bodies.tags();
        String motivation =
                n.path("motivation").isMissingNode() || n.path("motivation").isNull()
                        ? null
                        : n.path("motivation").asText();
        // Clients such as RecogitoJS and the text-annotator write a bare highlight as an annotation with
        // no body and no motivation: that is a highlight, not an empty comment.
        String kind = motivation == null && body.isBlank() && tags.isEmpty() ? "highlight" : kindOf(motivation);
        String canonical = n.hasNonNull("canonical") ? n.get("canonical").asText() : null;
        if (canonical != null && canonical.length() > MAX_CANONICAL) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "canonical",
                    "The canonical IRI may have at most " + MAX_CANONICAL + " characters.");
        }
        JsonNode target = n.path("target");
        if (target.isArray()) {
            target = target.size() == 0 ? json.missingNode() : target.get(0);
        }
        if (target.isMissingNode() || target.isNull()) {
            // Allowed on PUT, where the note keeps its passage; a new note without one is refused by the caller.
            return new Incoming(body, tags, kind, null, null, null, canonical);
        }
        if (target.isTextual()) {
            String t = target.asText();
            if (!t.startsWith(containerIri())) {
                throw new AnnotationException(
                        Reason.INVALID,
                        "target",
                        "A reply's target must be a note of this server, " + containerIri() + "{id}.");
            }
            try {
                return new Incoming(
                        body,
                        tags,
                        kind,
                        null,
                        Long.valueOf(t.substring(containerIri().length())),
                        null,
                        canonical);
            } catch (NumberFormatException e) {
                throw new AnnotationException(Reason.INVALID, "target", "No such note: " + t);
            }
        }
        Passage passage = passage(target, impliedSlug);
        return new Incoming(body, tags, kind, passage.slug(), null, passage.input(), canonical);
    }

    /** A target on an essay: which essay, and the passage as its selectors give it. */
    private record Passage(String slug, PassageInput input) {}

    private Passage passage(JsonNode target, String impliedSlug) throws AnnotationException {
        String source = target.path("source").asText("");
        String essays = base + "/essays/";
        String slug = source.startsWith(essays)
                ? source.substring(essays.length())
                : source.startsWith("/essays/") ? source.substring(8) : source.isEmpty() ? impliedSlug : null;
        if (slug == null || slug.isEmpty()) {
            throw new AnnotationException(
                    Reason.INVALID, "target", "The target's source must be an essay IRI, " + essays + "{slug}.");
        }
        Integer revision = null;
        String state = target.path("state").path("value").asText("");
        if (state.startsWith("X-Essay-Revision: ")) {
            try {
                revision = Integer.valueOf(
                        state.substring("X-Essay-Revision: ".length()).strip());
            } catch (NumberFormatException e) {
                throw new AnnotationException(Reason.INVALID, "target", "The target's state names no revision number.");
            }
        }
        Selection selection = Selection.of(target.path("selector"));
        String exact = selection.quote() == null ? null : selection.quote().exact();
        String prefix = selection.quote() == null ? null : selection.quote().prefix();
        String suffix = selection.quote() == null ? null : selection.quote().suffix();
        if (selection.start() == null && exact == null) {
            throw new AnnotationException(
                    Reason.INVALID, "target", "The target needs a TextQuoteSelector or a TextPositionSelector.");
        }
        return new Passage(
                slug, new PassageInput(revision, selection.start(), selection.end(), exact, prefix, suffix, null));
    }
}
