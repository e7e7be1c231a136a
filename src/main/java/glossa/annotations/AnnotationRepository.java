package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.TextQuoteSelector;
import glossa.storage.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notes, their tags and their history in the database. All SQL of this feature lives here. */
public final class AnnotationRepository {

    private static final String SELECT = "SELECT a.*, e.slug AS essay_slug, u.username AS author_name FROM annotation a"
            + " JOIN essay e ON e.id = a.essay_id JOIN app_user u ON u.id = a.author_id";

    /** How many note ids one tag query binds. */
    private static final int TAG_CHUNK = 1_000;

    private final Jdbc jdbc;

    public AnnotationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new note is made of; the repository fills in id, version and times. */
    record NewAnnotation(long essayId, Long parentId, long authorId, Kind kind, String body, String bodyHtml,
                         List<String> tags, String canonicalIri, Long revisionId, TextQuoteSelector quote,
                         Integer start, Integer end, Anchor.Method method, Instant at) {
    }

    long insert(Jdbc tx, NewAnnotation n) {
        var at = n.at().atOffset(ZoneOffset.UTC);
        boolean passage = n.quote() != null;
        long id = tx.insert("INSERT INTO annotation (essay_id, parent_id, author_id, kind, body, body_html, canonical_iri,"
                        + " made_on_revision_id, made_exact, made_prefix, made_suffix, made_start, made_end,"
                        + " anchor_revision_id, anchor_method, anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix,"
                        + " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", "id",
                n.essayId(), n.parentId(), n.authorId(), n.kind().name(), n.body(), n.bodyHtml(), n.canonicalIri(),
                n.revisionId(), passage ? n.quote().exact() : null, passage ? n.quote().prefix() : null, passage ? n.quote().suffix() : null,
                n.start(), n.end(), n.revisionId(), passage ? n.method().name() : null, n.start(), n.end(),
                passage ? n.quote().exact() : null, passage ? n.quote().prefix() : null, passage ? n.quote().suffix() : null, at, at);
        setTags(tx, id, n.tags());
        return id;
    }

    void setTags(Jdbc tx, long id, List<String> tags) {
        tx.update("DELETE FROM annotation_tag WHERE annotation_id = ?", id);
        for (int i = 0; i < tags.size(); i++) {
            tx.update("INSERT INTO annotation_tag (annotation_id, tag, position) VALUES (?, ?, ?)", id, tags.get(i), i);
        }
    }

    /** A note as it comes from an export, every field given. */
    record Imported(long essayId, Long parentId, long authorId, Kind kind, String body, String bodyHtml, List<String> tags,
                    String canonicalIri, String via, Long madeRevisionId, TextQuoteSelector made, Integer madeStart, Integer madeEnd,
                    Long anchorRevisionId, String method, Integer start, Integer end, TextQuoteSelector quote,
                    Instant created, Instant modified, Instant deleted, Instant hidden) {
    }

    long insertImported(Jdbc tx, Imported n) {
        boolean passage = n.quote() != null;
        long id = tx.insert("INSERT INTO annotation (essay_id, parent_id, author_id, kind, body, body_html, canonical_iri, via,"
                        + " made_on_revision_id, made_exact, made_prefix, made_suffix, made_start, made_end,"
                        + " anchor_revision_id, anchor_method, anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix,"
                        + " version, created_at, updated_at, deleted_at, hidden_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)", "id",
                n.essayId(), n.parentId(), n.authorId(), n.kind().name(), n.body(), n.bodyHtml(), n.canonicalIri(), n.via(),
                n.madeRevisionId(), passage ? n.made().exact() : null, passage ? n.made().prefix() : null, passage ? n.made().suffix() : null,
                n.madeStart(), n.madeEnd(), n.anchorRevisionId(), passage ? n.method() : null, n.start(), n.end(),
                passage ? n.quote().exact() : null, passage ? n.quote().prefix() : null, passage ? n.quote().suffix() : null,
                AnnotationExchange.utc(n.created()), AnnotationExchange.utc(n.modified()), AnnotationExchange.utc(n.deleted()),
                AnnotationExchange.utc(n.hidden()));
        setTags(tx, id, n.tags());
        addHistory(tx, id, null, n.modified(), "imported", null, n.body(), null, String.join(", ", n.tags()), null, null);
        return id;
    }

    void setVia(long id, String via) {
        jdbc.update("UPDATE annotation SET via = ? WHERE id = ?", via, id);
    }

    /** Where each note that came from somewhere (starter content, an import) came from: note id to its mark. */
    Map<Long, String> vias() {
        Map<Long, String> vias = new HashMap<>();
        jdbc.query("SELECT id, via FROM annotation WHERE via IS NOT NULL", rs -> vias.put(rs.getLong(1), rs.getString(2)));
        return vias;
    }

    Optional<Long> findByVia(String iri) {
        if (iri == null || iri.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT id FROM annotation WHERE via = ?", rs -> rs.getLong(1), iri);
    }

    /** Every note and reply, deleted and hidden included, oldest first: for export. */
    List<Annotation> everything() {
        return load(SELECT + " ORDER BY a.id");
    }

    public Optional<Annotation> find(long id) {
        List<Annotation> found = load(SELECT + " WHERE a.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every note and reply of one essay, deleted and hidden ones included (callers filter). */
    public List<Annotation> forEssay(long essayId) {
        return load(SELECT + " WHERE a.essay_id = ? ORDER BY a.anchor_start, a.id", essayId);
    }

    /**
     * The notes of one essay that stand on a passage (no replies, nothing deleted), with only what carrying
     * them to a new text needs: no bodies, no tags. The preview of an edit reads 10,000 of these; the full
     * rows with their tags took a third of its time (docs/BENCHMARKS.md).
     */
    public List<Annotation> passages(long essayId) {
        return jdbc.query("SELECT a.id, a.author_id, u.username, a.kind, a.made_on_revision_id, a.made_exact, a.made_prefix, a.made_suffix,"
                        + " a.made_start, a.made_end, a.anchor_revision_id, a.anchor_method, a.anchor_start, a.anchor_end, a.anchor_exact,"
                        + " a.anchor_prefix, a.anchor_suffix, a.version, a.created_at, a.updated_at, a.hidden_at"
                        + " FROM annotation a JOIN app_user u ON u.id = a.author_id WHERE a.essay_id = ? AND a.parent_id IS NULL"
                        + " AND a.deleted_at IS NULL AND a.anchor_revision_id IS NOT NULL ORDER BY a.anchor_start, a.id",
                rs -> passage(rs, essayId), essayId);
    }

    private static Annotation passage(ResultSet rs, long essayId) throws SQLException {
        TextQuoteSelector made = null;
        TextQuoteSelector quote = null;
        Anchor anchor = null;
        if (rs.getString(6) != null) {
            made = new TextQuoteSelector(rs.getString(6), rs.getString(7), rs.getString(8));
            quote = new TextQuoteSelector(rs.getString(15), rs.getString(16), rs.getString(17));
            Anchor.Method method = Anchor.Method.valueOf(rs.getString(12));
            anchor = method == Anchor.Method.ORPHAN ? Anchor.orphan() : new Anchor(method, rs.getInt(13), rs.getInt(14), 1);
        }
        return new Annotation(rs.getLong(1), essayId, null, null, rs.getLong(2), rs.getString(3), Kind.valueOf(rs.getString(4)), "", "",
                List.of(), null, (Long) rs.getObject(5, Long.class), made, (Integer) rs.getObject(9, Integer.class),
                (Integer) rs.getObject(10, Integer.class), (Long) rs.getObject(11, Long.class), anchor, quote, rs.getInt(18),
                instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20)), null, instant(rs.getTimestamp(21)));
    }

    public List<Annotation> replies(long parentId) {
        return load(SELECT + " WHERE a.parent_id = ? ORDER BY a.created_at, a.id", parentId);
    }

    public List<Annotation> byAuthor(long authorId) {
        return load(SELECT + " WHERE a.author_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at DESC, a.id DESC", authorId);
    }

    /** A page of all notes and replies, oldest first, for the API's containers. */
    public List<Annotation> page(Long essayId, int offset, int limit) {
        String page = " ORDER BY a.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        String visible = SELECT + " WHERE a.deleted_at IS NULL AND a.hidden_at IS NULL";
        return essayId == null ? load(visible + page, Math.max(0, offset), Math.max(1, limit))
                : load(visible + " AND a.essay_id = ?" + page, essayId, Math.max(0, offset), Math.max(1, limit));
    }

    public int count(Long essayId) {
        String visible = "SELECT COUNT(*) FROM annotation WHERE deleted_at IS NULL AND hidden_at IS NULL";
        return (essayId == null ? jdbc.queryOne(visible, rs -> rs.getInt(1))
                : jdbc.queryOne(visible + " AND essay_id = ?", rs -> rs.getInt(1), essayId)).orElse(0);
    }

    /** Visible notes per essay, for the essay list; bare link passages are not notes (the essay header agrees). */
    public Map<Long, Integer> countsByEssay() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("SELECT essay_id, COUNT(*) FROM annotation WHERE deleted_at IS NULL AND hidden_at IS NULL AND parent_id IS NULL"
                        + " AND kind <> 'ANCHOR' GROUP BY essay_id",
                rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        return counts;
    }

    // Every change below is a compare-and-set: it applies only while the note still has the version the
    // caller read (WHERE id = ? AND version = ?), in the same statement, so of two writers holding the
    // same version exactly one wins. Each returns false when the note had moved on; the caller then
    // rolls back and reports the conflict, and nothing has changed.

    boolean updateContent(Jdbc tx, long id, int expectedVersion, Kind kind, String body, String bodyHtml, Instant at) {
        return tx.update("UPDATE annotation SET kind = ?, body = ?, body_html = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?",
                kind.name(), body, bodyHtml, at.atOffset(ZoneOffset.UTC), id, expectedVersion) == 1;
    }

    boolean updateAnchor(Jdbc tx, long id, int expectedVersion, long revisionId, Anchor anchor, TextQuoteSelector quote, Instant at) {
        return tx.update("UPDATE annotation SET anchor_revision_id = ?, anchor_method = ?, anchor_start = ?, anchor_end = ?,"
                        + " anchor_exact = ?, anchor_prefix = ?, anchor_suffix = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?",
                revisionId, anchor.method().name(), anchor.isOrphan() ? null : anchor.start(), anchor.isOrphan() ? null : anchor.end(),
                quote.exact(), quote.prefix(), quote.suffix(), at.atOffset(ZoneOffset.UTC), id, expectedVersion) == 1;
    }

    /** Marks a note deleted and blanks its words and tags: only its history (shown to moderators) keeps them. */
    boolean markDeleted(Jdbc tx, long id, int expectedVersion, Instant at) {
        boolean done = tx.update("UPDATE annotation SET deleted_at = ?, body = '', body_html = '', version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ? AND deleted_at IS NULL",
                at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), id, expectedVersion) == 1;
        if (done) {
            setTags(tx, id, List.of());
        }
        return done;
    }

    /** Hides ({@code hide} true) or restores a note; {@code at} is the time of the action. */
    boolean setHidden(Jdbc tx, long id, int expectedVersion, boolean hide, Long moderatorId, Instant at) {
        return tx.update("UPDATE annotation SET hidden_at = ?, hidden_by = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND version = ?",
                hide ? at.atOffset(ZoneOffset.UTC) : null, hide ? moderatorId : null, at.atOffset(ZoneOffset.UTC), id,
                expectedVersion) == 1;
    }

    void addHistory(Jdbc tx, long id, Long editorId, Instant at, String change, String bodyBefore, String bodyAfter,
                    String tagsBefore, String tagsAfter, String passageBefore, String passageAfter) {
        tx.insert("INSERT INTO annotation_history (annotation_id, editor_id, changed_at, change, body_before, body_after,"
                        + " tags_before, tags_after, passage_before, passage_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id",
                id, editorId, at.atOffset(ZoneOffset.UTC), change, bodyBefore, bodyAfter, tagsBefore, tagsAfter, passageBefore, passageAfter);
    }

    public List<HistoryEntry> history(long id) {
        return jdbc.query("SELECT h.*, u.username FROM annotation_history h LEFT JOIN app_user u ON u.id = h.editor_id"
                        + " WHERE h.annotation_id = ? ORDER BY h.changed_at, h.id",
                rs -> new HistoryEntry(rs.getLong("id"), rs.getLong("annotation_id"), rs.getString("username"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("change"), rs.getString("body_before"),
                        rs.getString("body_after"), rs.getString("tags_before"), rs.getString("tags_after"),
                        rs.getString("passage_before"), rs.getString("passage_after")), id);
    }

    private List<Annotation> load(String sql, Object... params) {
        List<Annotation> rows = jdbc.query(sql, AnnotationRepository::map, params);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        // The ids are bound, a chunk at a time: PostgreSQL takes at most 32,767 parameters a statement.
        for (int from = 0; from < rows.size(); from += TAG_CHUNK) {
            List<Annotation> chunk = rows.subList(from, Math.min(rows.size(), from + TAG_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT annotation_id, tag FROM annotation_tag WHERE annotation_id IN (" + marks + ") ORDER BY position",
                    rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)),
                    chunk.stream().map(Annotation::id).toArray());
        }
        List<Annotation> out = new ArrayList<>(rows.size());
        for (Annotation a : rows) {
            out.add(new Annotation(a.id(), a.essayId(), a.essaySlug(), a.parentId(), a.authorId(), a.author(), a.kind(), a.body(),
                    a.bodyHtml(), List.copyOf(tags.getOrDefault(a.id(), List.of())), a.canonicalIri(), a.madeOnRevisionId(), a.made(),
                    a.madeStart(), a.madeEnd(), a.anchorRevisionId(), a.anchor(), a.quote(), a.version(), a.createdAt(), a.updatedAt(),
                    a.deletedAt(), a.hiddenAt()));
        }
        return out;
    }

    private static Annotation map(ResultSet rs) throws SQLException {
        Long parent = (Long) rs.getObject("parent_id", Long.class);
        TextQuoteSelector made = null;
        TextQuoteSelector quote = null;
        Anchor anchor = null;
        if (rs.getString("made_exact") != null) {
            made = new TextQuoteSelector(rs.getString("made_exact"), rs.getString("made_prefix"), rs.getString("made_suffix"));
            quote = new TextQuoteSelector(rs.getString("anchor_exact"), rs.getString("anchor_prefix"), rs.getString("anchor_suffix"));
            Anchor.Method method = Anchor.Method.valueOf(rs.getString("anchor_method"));
            anchor = method == Anchor.Method.ORPHAN ? Anchor.orphan()
                    : new Anchor(method, rs.getInt("anchor_start"), rs.getInt("anchor_end"), 1);
        }
        return new Annotation(rs.getLong("id"), rs.getLong("essay_id"), rs.getString("essay_slug"), parent, rs.getLong("author_id"),
                rs.getString("author_name"), Kind.valueOf(rs.getString("kind")), rs.getString("body"), rs.getString("body_html"),
                List.of(), rs.getString("canonical_iri"), (Long) rs.getObject("made_on_revision_id", Long.class), made,
                (Integer) rs.getObject("made_start", Integer.class), (Integer) rs.getObject("made_end", Integer.class),
                (Long) rs.getObject("anchor_revision_id", Long.class), anchor, quote, rs.getInt("version"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("deleted_at")),
                instant(rs.getTimestamp("hidden_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
