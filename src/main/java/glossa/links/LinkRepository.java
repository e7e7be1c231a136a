package glossa.links;

import glossa.storage.Jdbc;
import glossa.storage.PageVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Links in the database. */
public final class LinkRepository {

    private static final String VIEW =
            "SELECT l.id, l.relation, l.comment, l.from_annotation_id, l.to_annotation_id, u.username, l.created_at,"
                    + " fa.essay_id AS from_essay, ta.essay_id AS to_essay, fe.slug AS from_slug, te.slug AS to_slug,"
                    + " fa.anchor_exact AS from_exact, ta.anchor_exact AS to_exact,"
                    + " fa.deleted_at AS from_deleted, ta.deleted_at AS to_deleted, fa.anchor_method AS from_method, ta.anchor_method AS to_method"
                    + " FROM passage_link l JOIN annotation fa ON fa.id = l.from_annotation_id JOIN annotation ta ON ta.id = l.to_annotation_id"
                    + " JOIN essay fe ON fe.id = fa.essay_id JOIN essay te ON te.id = ta.essay_id JOIN app_user u ON u.id = l.author_id"
                    + " WHERE l.deleted_at IS NULL";

    private final Jdbc jdbc;

    public LinkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            Jdbc tx,
            long fromId,
            long toId,
            Relation relation,
            String comment,
            long authorId,
            String starterKey,
            Instant at) {
        PageVersions.essayOfAnnotation(tx, fromId);
        PageVersions.essayOfAnnotation(tx, toId);
        return tx.insert(
                "INSERT INTO passage_link (from_annotation_id, to_annotation_id, relation, comment, author_id, starter_key, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                "id",
                fromId,
                toId,
                relation.code(),
                comment,
                authorId,
                starterKey,
                at.atOffset(ZoneOffset.UTC));
    }

    /** Inserts a link read from an export (outside any wider transaction). */
    public long insertImported(
            long fromId, long toId, Relation relation, String comment, long authorId, String key, Instant at) {
        return jdbc.inTransaction(tx -> insert(tx, fromId, toId, relation, comment, authorId, key, at));
    }

    /** Each link's stable key (starter content, earlier imports): link id to key. */
    public java.util.Map<Long, String> starterKeys() {
        java.util.Map<Long, String> keys = new java.util.HashMap<>();
        jdbc.query(
                "SELECT id, starter_key FROM passage_link WHERE starter_key IS NOT NULL",
                rs -> keys.put(rs.getLong(1), rs.getString(2)));
        return keys;
    }

    public boolean starterExists(String key) {
        return jdbc.queryOne("SELECT id FROM passage_link WHERE starter_key = ?", rs -> rs.getLong(1), key)
                .isPresent();
    }

    /** Every live link touching an essay, seen from that essay (a link within one essay appears twice). */
    public List<LinkView> forEssay(long essayId) {
        List<LinkView> out = new java.util.ArrayList<>();
        for (Row r : jdbc.query(
                VIEW + " AND (fa.essay_id = ? OR ta.essay_id = ?) ORDER BY l.id",
                LinkRepository::row,
                essayId,
                essayId)) {
            if (r.fromEssay == essayId) {
                out.add(r.view(true));
            }
            if (r.toEssay == essayId) {
                out.add(r.view(false));
            }
        }
        return out;
    }

    /** Every live link, from its source's side. */
    public List<LinkView> all() {
        return jdbc.query(VIEW + " ORDER BY l.id", LinkRepository::row).stream()
                .map(r -> r.view(true))
                .toList();
    }

    public java.util.Optional<LinkView> find(long id) {
        return jdbc.queryOne(VIEW + " AND l.id = ?", LinkRepository::row, id).map(r -> r.view(true));
    }

    long authorOf(long linkId) {
        return jdbc.queryOne("SELECT author_id FROM passage_link WHERE id = ?", rs -> rs.getLong(1), linkId)
                .orElse(-1L);
    }

    void markDeleted(Jdbc tx, long id, Instant at) {
        tx.query(
                        "SELECT from_annotation_id, to_annotation_id FROM passage_link WHERE id = ?",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        id)
                .forEach(ends -> {
                    PageVersions.essayOfAnnotation(tx, ends[0]);
                    PageVersions.essayOfAnnotation(tx, ends[1]);
                });
        tx.update(
                "UPDATE passage_link SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                at.atOffset(ZoneOffset.UTC),
                id);
    }

    /** Every live link starting or ending at an annotation, seen from that annotation. */
    public List<LinkView> touching(long annotationId) {
        return jdbc
                .query(
                        VIEW + " AND (l.from_annotation_id = ? OR l.to_annotation_id = ?) ORDER BY l.id",
                        LinkRepository::row,
                        annotationId,
                        annotationId)
                .stream()
                .map(r -> r.view(r.fromId == annotationId))
                .toList();
    }

    /** How many live links start or end at an annotation. */
    public int countTouching(long annotationId) {
        return jdbc.queryOne(
                        "SELECT COUNT(*) FROM passage_link WHERE deleted_at IS NULL AND (from_annotation_id = ? OR to_annotation_id = ?)",
                        rs -> rs.getInt(1),
                        annotationId,
                        annotationId)
                .orElse(0);
    }

    private record Row(
            long id,
            Relation relation,
            String comment,
            long fromId,
            long toId,
            String author,
            long fromEssay,
            long toEssay,
            String fromSlug,
            String toSlug,
            String fromExact,
            String toExact,
            boolean fromGone,
            boolean toGone,
            Instant created) {
        LinkView view(boolean outgoing) {
            return outgoing
                    ? new LinkView(id, relation, comment, true, fromId, toId, toSlug, toExact, toGone, author, created)
                    : new LinkView(
                            id, relation, comment, false, toId, fromId, fromSlug, fromExact, fromGone, author, created);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong("id"),
                Relation.parse(rs.getString("relation")).orElseThrow(),
                rs.getString("comment"),
                rs.getLong("from_annotation_id"),
                rs.getLong("to_annotation_id"),
                rs.getString("username"),
                rs.getLong("from_essay"),
                rs.getLong("to_essay"),
                rs.getString("from_slug"),
                rs.getString("to_slug"),
                rs.getString("from_exact"),
                rs.getString("to_exact"),
                rs.getTimestamp("from_deleted") != null || "ORPHAN".equals(rs.getString("from_method")),
                rs.getTimestamp("to_deleted") != null || "ORPHAN".equals(rs.getString("to_method")),
                rs.getTimestamp("created_at").toInstant());
    }
}
