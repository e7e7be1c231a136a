package glossa.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.UserRepository;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import glossa.markdown.UserMarkdown;
import glossa.storage.Jdbc;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Export of every note as one W3C AnnotationCollection (JSON-LD), and import of such a file. Nothing
 * is lost on the way: authors, times, bodies, tags, kinds, replies, the passage as made and as
 * anchored now, deletions and hiding all travel. Importing the same file twice adds nothing: each
 * note remembers the IRI it came from.
 */
public final class AnnotationExchange {

    /** Counts of an import. */
    public record ImportResult(int imported, int skipped, List<String> problems) {}

    private final Jdbc jdbc;
    private final AnnotationRepository notes;
    private final EssayRepository essays;
    private final UserRepository users;
    private final ObjectMapper json;
    private final ImportedNotes importedNotes;

    public AnnotationExchange(
            Jdbc jdbc, AnnotationRepository notes, EssayRepository essays, UserRepository users, ObjectMapper json) {
        this.jdbc = jdbc;
        this.notes = notes;
        this.essays = essays;
        this.users = users;
        this.json = json;
        this.importedNotes = new ImportedNotes(jdbc, notes);
    }

    /** The mark of starter content in {@code via}, and the field that carries it in exports. */
    private static final String STARTER = "starter:";

    private static final String STARTER_FIELD = "glossa:starter";

    public ObjectNode export(String base) {
        return collection(base, notes.everything(), "Every note in Glossa");
    }

    /**
     * One essay's notes and replies as every reader sees them: nothing deleted or hidden, no reply to a
     * note that is, and no bare link passages (their links are not part of an essay's notes).
     */
    public ObjectNode exportEssay(String base, long essayId, String label) {
        List<Annotation> all = notes.forEssay(essayId);
        java.util.Set<Long> shownNotes = new java.util.HashSet<>();
        for (Annotation a : all) {
            if (a.visible() && !a.isReply() && a.kind() != Kind.ANCHOR) {
                shownNotes.add(a.id());
            }
        }
        List<Annotation> shown = all.stream()
                .filter(a ->
                        a.isReply() ? a.visible() && shownNotes.contains(a.parentId()) : shownNotes.contains(a.id()))
                .sorted(java.util.Comparator.comparingLong(Annotation::id))
                .toList();
        return collection(base, shown, label);
    }

    private ObjectNode collection(String base, List<Annotation> all, String label) {
        AnnotationJson m = new AnnotationJson(json, base);
        Map<Long, Integer> revisions = new HashMap<>();
        ObjectNode doc = json.createObjectNode();
        doc.putArray("@context").add(AnnotationJson.CONTEXT).addObject().put("glossa", AnnotationJson.GLOSSA_NS);
        doc.put("id", m.containerIri());
        doc.put("type", "AnnotationCollection");
        // No export time in the document: exporting the same notes twice gives the same bytes, which is
        // how a backup and its restore are checked against each other.
        doc.put("label", label);
        doc.put("total", all.size());
        ObjectNode page = doc.putObject("first");
        page.put("type", "AnnotationPage");
        page.put("startIndex", 0);
        ArrayNode items = page.putArray("items");
        Map<Long, String> vias = importedNotes.vias();
        for (Annotation a : all) {
            ObjectNode item = m.item(
                    a,
                    id -> revisions.computeIfAbsent(
                            id,
                            k -> essays.revisionById(k)
                                    .map(EssayRevision::revisionNo)
                                    .orElse(null)));
            String via = vias.get(a.id());
            if (via != null && via.startsWith(STARTER)) {
                item.put(STARTER_FIELD, via);
            }
            items.add(item);
        }
        return doc;
    }

    public ImportResult importCollection(JsonNode doc) {
        return importCollection(doc, new HashMap<>());
    }

    /** As {@link #importCollection(JsonNode)}, filling {@code idsByIri} with each exported IRI's note here. */
    public ImportResult importCollection(JsonNode doc, Map<String, Long> idsByIri) {
        JsonNode items = doc.path("first").path("items");
        if (!items.isArray()) {
            items = doc.path("items").isArray() ? doc.path("items") : doc.isArray() ? doc : json.createArrayNode();
        }
        List<JsonNode> pending = new ArrayList<>();
        // Links are exported alongside notes; they are imported by whoever understands them.
        items.forEach(i -> {
            if (!"linking".equals(i.path("motivation").asText())) {
                pending.add(i);
            }
        });
        int imported = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        // Notes first, then replies, whose targets must exist by then.
        pending.sort((a, b) ->
                Boolean.compare(a.path("target").isTextual(), b.path("target").isTextual()));
        for (JsonNode item : pending) {
            String iri = item.path("id").asText("");
            // Starter content has a stable identity: every fresh Glossa makes it at its first start, so
            // an exported copy of it is the same passage, not a new one.
            Optional<Long> existing = item.hasNonNull(STARTER_FIELD)
                    ? importedNotes.findByVia(item.get(STARTER_FIELD).asText())
                    : Optional.empty();
            if (existing.isEmpty()) {
                existing = importedNotes.findByVia(iri);
            }
            if (existing.isPresent()) {
                idsByIri.put(iri, existing.get());
                skipped++;
                continue;
            }
            try {
                idsByIri.put(iri, insert(item, idsByIri));
                imported++;
            } catch (RuntimeException e) {
                problems.add(iri + ": " + e.getMessage());
            }
        }
        return new ImportResult(imported, skipped, problems);
    }

    private long insert(JsonNode n, Map<String, Long> idsByIri) {
        String author = n.path("creator").path("nickname").asText("imported");
        long authorId = users.findByName(author).map(u -> u.id()).orElseGet(() -> users.createImported(author));
        Bodies bodies = Bodies.of(n.path("body"));
        String body = bodies.text();
        List<String> tags = bodies.tags();
        String motivation = n.path("motivation").asText("commenting");
        Kind kind = "identifying".equals(motivation)
                ? Kind.ANCHOR
                : Kind.parse(AnnotationJson.kindOf(motivation)).orElse(Kind.COMMENT);
        Instant created = Instant.parse(n.path("created").asText(Instant.now().toString()));
        Instant modified = Instant.parse(n.path("modified").asText(created.toString()));
        String canonical = n.hasNonNull("canonical") ? n.get("canonical").asText() : null;
        JsonNode target = n.path("target");
        Long parentId = null;
        Placed at;
        if (target.isTextual()) {
            parentId = idsByIri.get(target.asText());
            if (parentId == null) {
                throw new IllegalArgumentException(
                        "the note it replies to, " + target.asText() + ", is not in the file");
            }
            at = Placed.reply(notes.find(parentId).orElseThrow().essayId());
        } else {
            at = placed(n, target);
        }
        ImportedNotes.Imported row = new ImportedNotes.Imported(
                at.essayId(),
                parentId,
                authorId,
                kind,
                body,
                new UserMarkdown().toHtml(body),
                tags,
                canonical,
                n.path("id").asText(null),
                at.madeRevision(),
                at.made().quote(),
                at.made().start(),
                at.made().end(),
                at.anchorRevision(),
                at.method(),
                at.now().start(),
                at.now().end(),
                at.now().quote(),
                created,
                modified,
                instant(n, "glossa:deleted"),
                instant(n, "glossa:hidden"));
        return jdbc.inTransaction(tx -> importedNotes.insert(tx, row));
    }

    /** Where an imported note stands: its essay, where it was made and where it is anchored now. */
    private record Placed(
            long essayId, Long madeRevision, Selection made, Long anchorRevision, String method, Selection now) {
        static Placed reply(long essayId) {
            Selection none = new Selection(null, null, null);
            return new Placed(essayId, null, none, null, null, none);
        }
    }

    private Placed placed(JsonNode n, JsonNode target) {
        String source = target.path("source").asText();
        String slug = source.substring(source.lastIndexOf("/essays/") + "/essays/".length());
        List<EssayRevision> revisions = essays.revisions(slug);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("there is no essay " + slug + " here");
        }
        JsonNode madeOn = n.path("glossa:madeOn");
        Integer anchoredOn = revisionOf(target.path("state").path("value").asText(""));
        Selection now = selection(target.path("selector"));
        Selection made = selection(madeOn.path("selector"));
        String method = n.path("glossa:anchoring")
                .asText(now.start() == null ? "orphan" : "position")
                .toUpperCase(java.util.Locale.ROOT);
        return new Placed(
                revisions.get(0).essayId(),
                revisionId(
                        revisions,
                        madeOn.path("revision").isInt()
                                ? madeOn.path("revision").asInt()
                                : anchoredOn),
                made.quote() == null ? now : made,
                revisionId(revisions, anchoredOn),
                method,
                now);
    }

    /** The API's own selector reader; a malformed selector is a problem with this item, not a server error. */
    private static Selection selection(JsonNode selectors) {
        try {
            return Selection.of(selectors);
        } catch (AnnotationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }

    private static Integer revisionOf(String state) {
        String prefix = "X-Essay-Revision: ";
        if (state.startsWith(prefix)) {
            try {
                return Integer.valueOf(state.substring(prefix.length()).strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The id of revision number {@code no}, or of the newest when the file names none or one we lack. */
    private static Long revisionId(List<EssayRevision> revisions, Integer no) {
        return revisions.stream()
                .filter(r -> no != null && r.revisionNo() == no)
                .findFirst()
                .orElse(revisions.get(revisions.size() - 1))
                .id();
    }

    static java.time.OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
