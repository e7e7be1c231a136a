package glossa.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.UserRepository;
import glossa.annotations.AnnotationExchange;
import glossa.annotations.AnnotationJson;
import glossa.links.LinkRepository;
import glossa.links.LinkView;
import glossa.links.Relation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole exchange file: notes (from {@link AnnotationExchange}), links as W3C annotations with
 * motivation "linking" whose targets are the IRIs of their two passages, and claim pages with every
 * revision and their passages under {@code glossa:claims}. Importing it twice adds nothing.
 */
public final class FullExchange {

    private final AnnotationExchange notes;
    private final LinkRepository links;
    private final ClaimRepository claims;
    private final UserRepository users;
    private final ObjectMapper json;

    public FullExchange(
            AnnotationExchange notes,
            LinkRepository links,
            ClaimRepository claims,
            UserRepository users,
            ObjectMapper json) {
        this.notes = notes;
        this.links = links;
        this.claims = claims;
        this.users = users;
        this.json = json;
    }

    public ObjectNode export(String base) {
        ObjectNode doc = notes.export(base);
        AnnotationJson m = new AnnotationJson(json, base);
        ArrayNode items = (ArrayNode) doc.path("first").path("items");
        Map<Long, String> keys = links.starterKeys();
        for (LinkView l : links.all()) {
            ObjectNode n = items.addObject();
            n.put("id", base + "/api/links/" + l.id());
            if (keys.containsKey(l.id())) {
                n.put("glossa:key", keys.get(l.id()));
            }
            n.put("type", "Annotation");
            n.put("motivation", "linking");
            n.put("glossa:relation", l.relation().iri());
            n.putObject("creator").put("type", "Person").put("nickname", l.author());
            n.put("created", l.created().toString());
            if (!l.comment().isEmpty()) {
                n.putObject("body")
                        .put("type", "TextualBody")
                        .put("value", l.comment())
                        .put("purpose", "commenting");
            }
            n.putArray("target").add(m.iri(l.hereId())).add(m.iri(l.otherId()));
        }
        doc.put("total", items.size());
        ArrayNode claimList = doc.putArray("glossa:claims");
        for (Claim c : claims.all()) {
            ObjectNode o = claimList.addObject();
            o.put("slug", c.slug());
            ArrayNode revisions = o.putArray("revisions");
            List<ClaimRevision> history = new ArrayList<>(claims.revisions(c.id()));
            java.util.Collections.reverse(history);
            for (ClaimRevision r : history) {
                revisions
                        .addObject()
                        .put("title", r.title())
                        .put("description", r.description())
                        .put("summary", r.summary())
                        .put("author", r.author())
                        .put("created", r.at().toString());
            }
            ArrayNode passages = o.putArray("passages");
            for (ClaimPassage p : claims.passages(c.id())) {
                passages.addObject()
                        .put("annotation", m.iri(p.annotationId()))
                        .put("stance", p.stance().code());
            }
        }
        return doc;
    }

    /** Imports notes, then links, then claims; returns the notes' result with the other problems added. */
    public AnnotationExchange.ImportResult importAll(JsonNode doc) {
        Map<String, Long> ids = new HashMap<>();
        AnnotationExchange.ImportResult result = notes.importCollection(doc, ids);
        List<String> problems = new ArrayList<>(result.problems());
        importLinks(doc, ids, problems);
        importClaims(doc, ids, problems);
        return new AnnotationExchange.ImportResult(result.imported(), result.skipped(), problems);
    }

    /** The links between the notes just imported ({@code ids}: exported IRI to new id). */
    private void importLinks(JsonNode doc, Map<String, Long> ids, List<String> problems) {
        for (JsonNode item : doc.path("first").path("items")) {
            if (!"linking".equals(item.path("motivation").asText())) {
                continue;
            }
            // A link keeps the key it was made with (starter content), so importing it where it already
            // exists adds nothing; a link without one is keyed by its exported IRI.
            String key = item.hasNonNull("glossa:key")
                    ? item.get("glossa:key").asText()
                    : "import:" + StarterContent.hash(item.path("id").asText());
            if (links.starterExists(key)) {
                continue;
            }
            Long from = ids.get(item.path("target").path(0).asText());
            Long to = ids.get(item.path("target").path(1).asText());
            Relation relation =
                    Relation.parse(item.path("glossa:relation").asText()).orElse(null);
            if (from == null || to == null || relation == null) {
                problems.add(item.path("id").asText() + ": a link whose passages or relation are not in the file");
                continue;
            }
            links.insertImported(
                    from,
                    to,
                    relation,
                    item.path("body").path("value").asText(""),
                    author(item.path("creator").path("nickname").asText()),
                    key,
                    Instant.parse(item.path("created").asText(Instant.now().toString())));
        }
    }

    /** The claim pages with their revisions and the passages they gather (among the notes just imported). */
    private void importClaims(JsonNode doc, Map<String, Long> ids, List<String> problems) {
        for (JsonNode c : doc.path("glossa:claims")) {
            String slug = c.path("slug").asText();
            if (claims.slugTaken(slug)) {
                continue;
            }
            JsonNode revisions = c.path("revisions");
            if (revisions.size() == 0) {
                continue;
            }
            long claimId = claims.insertImportedClaim(
                    slug,
                    revisions.get(revisions.size() - 1).path("title").asText(),
                    Instant.parse(revisions.get(0).path("created").asText()));
            for (JsonNode r : revisions) {
                String who = r.path("author").isNull() || r.path("author").isMissingNode()
                        ? null
                        : r.path("author").asText();
                claims.insertImportedRevision(
                        claimId,
                        r.path("title").asText(),
                        r.path("description").asText(),
                        r.path("summary").asText(),
                        who == null ? null : author(who),
                        Instant.parse(r.path("created").asText()));
            }
            for (JsonNode p : c.path("passages")) {
                Long annotation = ids.get(p.path("annotation").asText());
                Stance stance = Stance.parse(p.path("stance").asText()).orElse(null);
                if (annotation == null || stance == null) {
                    problems.add(slug + ": a passage not in the file, "
                            + p.path("annotation").asText());
                    continue;
                }
                claims.insertPassage(
                        claimId,
                        annotation,
                        stance,
                        null,
                        "import:" + slug + ":" + p.path("annotation").asText(),
                        Instant.now());
            }
        }
    }

    private long author(String name) {
        return users.findByName(name).map(u -> u.id()).orElseGet(() -> users.createImported(name));
    }
}
