package glossa.changes;

import glossa.storage.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads recent changes from the tables that record them; all SQL of this feature. */
public final class ChangeRepository {

    static final Set<String> KINDS = Set.of("essay", "note", "reply", "link", "claim");

    /** Every change, one row each; comments only where visible to every reader. */
    private static final String ALL = "SELECT 'essay' AS kind, r.imported_at AS at, u.username AS who, e.slug AS essay,"
            + " CAST(NULL AS VARCHAR(200)) AS claim, r.title AS title, r.summary AS detail, r.revision_no AS num, CAST(0 AS BIGINT) AS note, r.id AS ref"
            + " FROM essay_revision r JOIN essay e ON e.id = r.essay_id LEFT JOIN app_user u ON u.id = r.editor_id"
            + " UNION ALL SELECT CASE WHEN a.parent_id IS NULL THEN 'note' ELSE 'reply' END, a.created_at, u.username, e.slug, NULL,"
            + " COALESCE(a.anchor_exact, p.anchor_exact), a.body, 0, COALESCE(a.parent_id, a.id), a.id"
            + " FROM annotation a JOIN essay e ON e.id = a.essay_id JOIN app_user u ON u.id = a.author_id"
            + " LEFT JOIN annotation p ON p.id = a.parent_id"
            + " WHERE a.kind <> 'ANCHOR' AND a.deleted_at IS NULL AND a.hidden_at IS NULL"
            + " UNION ALL SELECT 'link', l.created_at, u.username, e.slug, NULL, a.anchor_exact, l.comment, 0, l.from_annotation_id, l.id"
            + " FROM passage_link l JOIN annotation a ON a.id = l.from_annotation_id JOIN essay e ON e.id = a.essay_id"
            + " JOIN app_user u ON u.id = l.author_id WHERE l.deleted_at IS NULL"
            + " UNION ALL SELECT 'claim', cr.created_at, u.username, NULL, c.slug, cr.title, cr.summary, cr.revision_no, 0, cr.id"
            + " FROM claim_revision cr JOIN claim c ON c.id = cr.claim_id LEFT JOIN app_user u ON u.id = cr.author_id";

    private final Jdbc jdbc;

    public ChangeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One page, newest first; {@code limit + 1} rows are read so the caller knows whether more follow. */
    public List<Change> find(ChangeFilter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT kind, at, who, essay, claim, title, detail, num, note, ref FROM (" + ALL + ") ch WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(f.kind());
        }
        if (f.essay() != null) {
            sql.append(" AND essay = ?");
            params.add(f.essay());
        }
        if (f.user() != null) {
            sql.append(" AND LOWER(who) = LOWER(?)");
            params.add(f.user());
        }
        if (f.hideMine() != null) {
            sql.append(" AND (who IS NULL OR LOWER(who) <> LOWER(?))");
            params.add(f.hideMine());
        }
        sql.append(" ORDER BY at DESC, kind, note DESC, num DESC LIMIT ? OFFSET ?");
        params.add(limit + 1);
        params.add(offset);
        return jdbc.query(sql.toString(), ChangeRepository::change, params.toArray());
    }

    /** One page of a user's notes, replies and links, newest first; {@code limit + 1} rows are read, as by {@link #find}. */
    List<Change> contributions(String username, int offset, int limit) {
        return jdbc.query(
                "SELECT kind, at, who, essay, claim, title, detail, num, note, ref FROM (" + ALL + ") ch"
                        + " WHERE kind IN ('note', 'reply', 'link') AND LOWER(who) = LOWER(?)"
                        + " ORDER BY at DESC, kind, ref DESC LIMIT ? OFFSET ?",
                ChangeRepository::change,
                username,
                limit + 1,
                offset);
    }

    private static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(
                rs.getString(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                abbreviate(rs.getString(6)),
                abbreviate(rs.getString(7)),
                rs.getInt(8),
                rs.getLong(9),
                rs.getLong(10));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 140 ? one : one.substring(0, 139) + "\u2026";
    }
}
