package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.TextQuoteSelector;
import glossa.storage.Jdbc;
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

    private final Jdbc jdbc;

    public AnnotationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new note is made of; the repository fills in id, version and times. */
    record NewAnnotation(
            long essayId,
            Long parentId,
            long authorId,
            Kind kind,
            String body,
            String bodyHtml,
            List<String> tags,
            String canonicalIri,
            Long revisionId,
            TextQuoteSelector quote,
            Integer start,
            Integer end,
            Anchor.Method method,
            Instant at) {}

    long insert(Jdbc tx, NewAnnotation n) {
        // A new note is anchored where it was made: the "made" and "anchor" columns start out the same.
        String method = n.quote() == null ? null : n.method().name();
        return insertRow(
                tx,
                new ImportedNotes.Imported(
                        n.essayId(),
                        n.parentId(),
                        n.authorId(),
                        n.kind(),
                        n.body(),
                        n.bodyHtml(),
                        n.tags(),
                        n.canonicalIri(),
                        null,
                        n.revisionId(),
                        n.quote(),
                        n.start(),
                        n.end(),
                        n.revisionId(),
                        method,
                        n.start(),
                        n.end(),
                        n.quote(),
                        n.at(),
                        n.at(),
                        null,
                        null));
    }

    /** Writes a note with every column given (a new note, or one from an export), its tags, and marks its page changed. */
    long insertRow(Jdbc tx, ImportedNotes.Imported n) {
        boolean passage = n.quote() != null;
        Jdbc.Columns row = new Jdbc.Columns()
                .put("essay_id", n.essayId())
                .put("parent_id", n.parentId())
                .put("author_id", n.authorId())
                .put("kind", n.kind().name())
                .put("body", n.body())
                .put("body_html", n.bodyHtml())
                .put("canonical_iri", n.canonicalIri())
                .put("via", n.via())
                .put("made_on_revision_id", n.madeRevisionId())
                .put("made_start", n.madeStart())
                .put("made_end", n.madeEnd())
                .put("anchor_revision_id", n.anchorRevisionId())
                .put("anchor_method", passage ? n.method() : null)
                .put("anchor_start", n.start())
                .put("anchor_end", n.end())
                .put("version", 1)
                .put("created_at", AnnotationExchange.utc(n.created()))
                .put("updated_at", AnnotationExchange.utc(n.modified()))
                .put("deleted_at", AnnotationExchange.utc(n.deleted()))
                .put("hidden_at", AnnotationExchange.utc(n.hidden()));
        quoteColumns(row, "made_", passage ? n.made() : null);
        quoteColumns(row, "anchor_", n.quote());
        long id = tx.insertRow("annotation", row, "id");
        setTags(tx, id, n.tags());
        glossa.storage.PageVersions.essay(tx, n.essayId());
        return id;
    }

    /** The exact, prefix and suffix columns of a quote, named {@code prefix + "exact"} and so on; all null without a passage. */
    static void quoteColumns(Jdbc.Columns row, String prefix, TextQuoteSelector quote) {
        row.put(prefix + "exact", quote == null ? null : quote.exact())
                .put(prefix + "prefix", quote == null ? null : quote.prefix())
                .put(prefix + "suffix", quote == null ? null : quote.suffix());
    }

    void setTags(Jdbc tx, long id, List<String> tags) {
        glossa.storage.PageVersions.essayOfAnnotation(tx, id);
        tx.update("DELETE FROM annotation_tag WHERE annotation_id = ?", id);
        for (int i = 0; i < tags.size(); i++) {
            tx.update("INSERT INTO annotation_tag (annotation_id, tag, position) VALUES (?, ?, ?)", id, tags.get(i), i);
        }
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
        return jdbc.query(
                "SELECT a.id, a.author_id, u.username, a.kind, a.made_on_revision_id, a.made_exact, a.made_prefix, a.made_suffix,"
                        + " a.made_start, a.made_end, a.anchor_revision_id, a.anchor_method, a.anchor_start, a.anchor_end, a.anchor_exact,"
                        + " a.anchor_prefix, a.anchor_suffix, a.version, a.created_at, a.updated_at, a.hidden_at"
                        + " FROM annotation a JOIN app_user u ON u.id = a.author_id WHERE a.essay_id = ? AND a.parent_id IS NULL"
                        + " AND a.deleted_at IS NULL AND a.anchor_revision_id IS NOT NULL ORDER BY a.anchor_start, a.id",
                rs -> AnnotationRows.passage(rs, essayId),
                essayId);
    }

    public List<Annotation> replies(long parentId) {
        return load(SELECT + " WHERE a.parent_id = ? ORDER BY a.created_at, a.id", parentId);
    }

    public List<Annotation> byAuthor(long authorId) {
        return load(
                SELECT + " WHERE a.author_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at DESC, a.id DESC",
                authorId);
    }

    /** A page of all notes and replies, oldest first, for the API's containers. */
    public List<Annotation> page(Long essayId, int offset, int limit) {
        String page = " ORDER BY a.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        String visible = SELECT + " WHERE a.deleted_at IS NULL AND a.hidden_at IS NULL";
        return essayId == null
                ? load(visible + page, Math.max(0, offset), Math.max(1, limit))
                : load(visible + " AND a.essay_id = ?" + page, essayId, Math.max(0, offset), Math.max(1, limit));
    }

    public int count(Long essayId) {
        String visible = "SELECT COUNT(*) FROM annotation WHERE deleted_at IS NULL AND hidden_at IS NULL";
        return (essayId == null
                        ? jdbc.queryOne(visible, rs -> rs.getInt(1))
                        : jdbc.queryOne(visible + " AND essay_id = ?", rs -> rs.getInt(1), essayId))
                .orElse(0);
    }

    /** Visible notes per essay, for the essay list; bare link passages are not notes (the essay header agrees). */
    public Map<Long, Integer> countsByEssay() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query(
                "SELECT essay_id, COUNT(*) FROM annotation WHERE deleted_at IS NULL AND hidden_at IS NULL AND parent_id IS NULL"
                        + " AND kind <> 'ANCHOR' GROUP BY essay_id",
                rs -> counts.put(rs.getLong(1), rs.getInt(2)));
        return counts;
    }

    // Every change below is a compare-and-set: it applies only while the note still has the version the
    // caller read (WHERE id = ? AND version = ?), in the same statement, so of two writers holding the
    // same version exactly one wins. Each returns false when the note had moved on; the caller then
    // rolls back and reports the conflict, and nothing has changed.

    boolean updateContent(Jdbc tx, long id, int expectedVersion, Kind kind, String body, String bodyHtml, Instant at) {
        glossa.storage.PageVersions.essayOfAnnotation(tx, id);
        return tx.update(
                        "UPDATE annotation SET kind = ?, body = ?, body_html = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?",
                        kind.name(),
                        body,
                        bodyHtml,
                        at.atOffset(ZoneOffset.UTC),
                        id,
                        expectedVersion)
                == 1;
    }

    boolean updateAnchor(
            Jdbc tx,
            long id,
            int expectedVersion,
            long revisionId,
            Anchor anchor,
            TextQuoteSelector quote,
            Instant at) {
        glossa.storage.PageVersions.essayOfAnnotation(tx, id);
        return tx.update(
                        "UPDATE annotation SET anchor_revision_id = ?, anchor_method = ?, anchor_start = ?, anchor_end = ?,"
                                + " anchor_exact = ?, anchor_prefix = ?, anchor_suffix = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?",
                        revisionId,
                        anchor.method().name(),
                        anchor.isOrphan() ? null : anchor.start(),
                        anchor.isOrphan() ? null : anchor.end(),
                        quote.exact(),
                        quote.prefix(),
                        quote.suffix(),
                        at.atOffset(ZoneOffset.UTC),
                        id,
                        expectedVersion)
                == 1;
    }

    /** Marks a note deleted and blanks its words and tags: only its history (shown to moderators) keeps them. */
    boolean markDeleted(Jdbc tx, long id, int expectedVersion, Instant at) {
        glossa.storage.PageVersions.essayOfAnnotation(tx, id);
        boolean done = tx.update(
                        "UPDATE annotation SET deleted_at = ?, body = '', body_html = '', version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ? AND deleted_at IS NULL",
                        at.atOffset(ZoneOffset.UTC),
                        at.atOffset(ZoneOffset.UTC),
                        id,
                        expectedVersion)
                == 1;
        if (done) {
            setTags(tx, id, List.of());
        }
        return done;
    }

    /** Hides ({@code hide} true) or restores a note; {@code at} is the time of the action. */
    boolean setHidden(Jdbc tx, long id, int expectedVersion, boolean hide, Long moderatorId, Instant at) {
        glossa.storage.PageVersions.essayOfAnnotation(tx, id);
        return tx.update(
                        "UPDATE annotation SET hidden_at = ?, hidden_by = ?, version = version + 1, updated_at = ?"
                                + " WHERE id = ? AND version = ?",
                        hide ? at.atOffset(ZoneOffset.UTC) : null,
                        hide ? moderatorId : null,
                        at.atOffset(ZoneOffset.UTC),
                        id,
                        expectedVersion)
                == 1;
    }

    void addHistory(Jdbc tx, long id, Long editorId, Instant at, NoteChange change) {
        tx.insertRow(
                "annotation_history",
                new Jdbc.Columns()
                        .put("annotation_id", id)
                        .put("editor_id", editorId)
                        .put("changed_at", at.atOffset(ZoneOffset.UTC))
                        .put("change", change.kind())
                        .put("body_before", change.body().before())
                        .put("body_after", change.body().after())
                        .put("tags_before", change.tags().before())
                        .put("tags_after", change.tags().after())
                        .put("passage_before", change.passage().before())
                        .put("passage_after", change.passage().after()),
                "id");
    }

    public List<HistoryEntry> history(long id) {
        return jdbc.query(
                "SELECT h.*, u.username FROM annotation_history h LEFT JOIN app_user u ON u.id = h.editor_id"
                        + " WHERE h.annotation_id = ? ORDER BY h.changed_at, h.id",
                rs -> new HistoryEntry(
                        rs.getLong("id"),
                        rs.getLong("annotation_id"),
                        rs.getString("username"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("change"),
                        rs.getString("body_before"),
                        rs.getString("body_after"),
                        rs.getString("tags_before"),
                        rs.getString("tags_after"),
                        rs.getString("passage_before"),
                        rs.getString("passage_after")),
                id);
    }

    private List<Annotation> load(String sql, Object... params) {
        List<Annotation> rows = jdbc.query(sql, AnnotationRows::map, params);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.queryIn(
                "SELECT annotation_id, tag FROM annotation_tag WHERE annotation_id IN (%s) ORDER BY position",
                rows.stream().map(Annotation::id).toList(),
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        List<Annotation> out = new ArrayList<>(rows.size());
        rows.forEach(a -> out.add(a.withTags(tags.getOrDefault(a.id(), List.of()))));
        return out;
    }
}
