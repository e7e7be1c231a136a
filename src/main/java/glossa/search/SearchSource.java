package glossa.search;

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

/**
 * The search feature's reads from the database: rows to index and rows changed since a mark. Only
 * reads; every write belongs to its own feature, and the {@link Indexer} finds them by polling.
 */
final class SearchSource {

    private static final String NOTES =
            "SELECT a.id, a.parent_id, a.kind, a.body, a.anchor_exact, a.version, a.updated_at,"
                    + " a.deleted_at, a.hidden_at, e.slug, u.username"
                    + " FROM annotation a JOIN essay e ON e.id = a.essay_id JOIN app_user u ON u.id = a.author_id";

    private static final String CLAIMS =
            "SELECT c.slug, r.id AS revision_id, r.title, r.description, u.username FROM claim c"
                    + " JOIN claim_revision r ON r.claim_id = c.id LEFT JOIN app_user u ON u.id = r.author_id"
                    + " WHERE r.revision_no = (SELECT MAX(r2.revision_no) FROM claim_revision r2 WHERE r2.claim_id = c.id)";

    private static final String LINKS = "SELECT l.id, l.relation, l.comment, l.deleted_at, u.username,"
            + " fe.slug AS from_slug, fa.id AS from_id, fa.anchor_exact AS from_quote, te.slug AS to_slug, ta.anchor_exact AS to_quote"
            + " FROM passage_link l JOIN app_user u ON u.id = l.author_id"
            + " JOIN annotation fa ON fa.id = l.from_annotation_id JOIN essay fe ON fe.id = fa.essay_id"
            + " JOIN annotation ta ON ta.id = l.to_annotation_id JOIN essay te ON te.id = ta.essay_id";

    /** How many ids one query binds (PostgreSQL takes at most 32,767 parameters). */
    private final Jdbc jdbc;

    SearchSource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Rows.Note> allNotes() {
        return withTags(jdbc.query(NOTES + " ORDER BY a.id", SearchSource::note));
    }

    /**
     * Notes inserted after {@code maxId} or written at or after {@code since}. Two queries rather than
     * one with OR, so that each is a range scan of an index (the primary key, {@code annotation_updated_at}).
     */
    List<Rows.Note> notesChanged(long maxId, Instant since) {
        // Ids first, from the table alone (two index range scans that find nothing when nothing
        // changed); only then the joined rows, by id. Joined in one query, the planner may start from
        // the essays and read every note, which made each idle poll cost a scan of the whole table.
        java.util.Set<Long> ids = new java.util.TreeSet<>(
                jdbc.query("SELECT id FROM annotation WHERE id > ?", rs -> rs.getLong(1), maxId));
        ids.addAll(jdbc.query(
                "SELECT id FROM annotation WHERE updated_at >= ?",
                rs -> rs.getLong(1),
                since.atOffset(ZoneOffset.UTC)));
        return withTags(byIds(NOTES + " WHERE a.id IN (%s) ORDER BY a.id", ids, SearchSource::note));
    }

    /** Rows of {@code sqlWithIn} (which has one {@code %s} for the id list) for the given ids, bound a chunk at a time. */
    private <T> List<T> byIds(String sqlWithIn, java.util.Collection<Long> ids, Jdbc.RowMapper<T> mapper) {
        return jdbc.queryIn(sqlWithIn, new ArrayList<>(ids), mapper);
    }

    /** Slugs of the essays with a revision newer than {@code revisionId} (0: every essay), so essays are read one at a time. */
    List<String> essaysChangedAfter(long revisionId) {
        return jdbc.query(
                "SELECT e.slug FROM essay e WHERE EXISTS (SELECT 1 FROM essay_revision r WHERE r.essay_id = e.id AND r.id > ?)"
                        + " ORDER BY e.id",
                rs -> rs.getString(1),
                revisionId);
    }

    /** Rows the index would hold for notes and essays, roughly: the ids' high-water marks (cheap, unlike COUNT). */
    long size() {
        return jdbc.queryOne("SELECT COALESCE(MAX(id), 0) FROM annotation", rs -> rs.getLong(1))
                        .orElse(0L)
                + BACKGROUND_ESSAY_WEIGHT
                        * jdbc.queryOne("SELECT COUNT(*) FROM essay", rs -> rs.getLong(1))
                                .orElse(0L);
    }

    /** An essay is about a hundred paragraph documents. */
    private static final long BACKGROUND_ESSAY_WEIGHT = 100;

    long maxEssayRevisionId() {
        return jdbc.queryOne("SELECT COALESCE(MAX(id), 0) FROM essay_revision", rs -> rs.getLong(1))
                .orElse(0L);
    }

    long maxClaimRevisionId() {
        return jdbc.queryOne("SELECT COALESCE(MAX(id), 0) FROM claim_revision", rs -> rs.getLong(1))
                .orElse(0L);
    }

    List<Rows.ClaimRow> claims(long revisionAfter) {
        return jdbc.query(
                CLAIMS + " AND r.id > ? ORDER BY c.id",
                rs -> new Rows.ClaimRow(
                        rs.getString("slug"),
                        rs.getLong("revision_id"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("username")),
                revisionAfter);
    }

    List<Rows.Link> allLinks() {
        return jdbc.query(LINKS + " ORDER BY l.id", this::link);
    }

    /** Links made after {@code maxId} or deleted at or after {@code since}; two index range scans, as for notes. */
    List<Rows.Link> linksChanged(long maxId, Instant since) {
        java.util.Set<Long> ids = new java.util.TreeSet<>(
                jdbc.query("SELECT id FROM passage_link WHERE id > ?", rs -> rs.getLong(1), maxId));
        ids.addAll(jdbc.query(
                "SELECT id FROM passage_link WHERE deleted_at >= ?",
                rs -> rs.getLong(1),
                since.atOffset(ZoneOffset.UTC)));
        return byIds(LINKS + " WHERE l.id IN (%s) ORDER BY l.id", ids, this::link);
    }

    /** The passages gathered on a claim, so that unlinked mentions leave them out. */
    List<Rows.Attached> attached(String claimSlug) {
        return jdbc.query(
                "SELECT e.slug, a.anchor_exact FROM claim_passage p JOIN claim c ON c.id = p.claim_id"
                        + " JOIN annotation a ON a.id = p.annotation_id JOIN essay e ON e.id = a.essay_id"
                        + " WHERE c.slug = ? AND p.removed_at IS NULL",
                rs -> new Rows.Attached(rs.getString(1), rs.getString(2)),
                claimSlug);
    }

    private Rows.Link link(ResultSet rs) throws SQLException {
        Instant deleted = instant(rs.getTimestamp("deleted_at"));
        return new Rows.Link(
                rs.getLong("id"),
                rs.getString("relation"),
                rs.getString("comment"),
                rs.getString("username"),
                rs.getString("from_slug"),
                rs.getLong("from_id"),
                rs.getString("from_quote"),
                rs.getString("to_slug"),
                rs.getString("to_quote"),
                deleted,
                deleted == null);
    }

    private static Rows.Note note(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        boolean live =
                rs.getTimestamp("deleted_at") == null && rs.getTimestamp("hidden_at") == null && !"ANCHOR".equals(kind);
        return new Rows.Note(
                rs.getLong("id"),
                (Long) rs.getObject("parent_id", Long.class),
                rs.getString("slug"),
                kind,
                rs.getString("body"),
                rs.getString("anchor_exact"),
                rs.getString("username"),
                List.of(),
                rs.getInt("version"),
                instant(rs.getTimestamp("updated_at")),
                live);
    }

    private List<Rows.Note> withTags(List<Rows.Note> notes) {
        if (notes.isEmpty()) {
            return notes;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        // The ids are bound, a chunk at a time: a rebuild reads every note.
        jdbc.queryIn(
                "SELECT annotation_id, tag FROM annotation_tag WHERE annotation_id IN (%s) ORDER BY position",
                notes.stream().map(Rows.Note::id).toList(),
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        List<Rows.Note> out = new ArrayList<>(notes.size());
        for (Rows.Note n : notes) {
            out.add(new Rows.Note(
                    n.id(),
                    n.parentId(),
                    n.essaySlug(),
                    n.kind(),
                    n.body(),
                    n.quote(),
                    n.author(),
                    List.copyOf(tags.getOrDefault(n.id(), List.of())),
                    n.version(),
                    n.updatedAt(),
                    n.live()));
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
