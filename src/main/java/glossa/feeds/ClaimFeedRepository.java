package glossa.feeds;

import glossa.changes.Change;
import glossa.storage.Jdbc;
import java.util.List;

/** A claim's changes for its feed: its revisions and the passages gathered on it. All SQL of this feature. */
final class ClaimFeedRepository {

    /** The claim's revisions and its passages still gathered on a note every reader may see; newest first. */
    private static final String CLAIM =
            "SELECT 'claim' AS kind, cr.created_at AS at, u.username AS who, CAST(NULL AS VARCHAR(200)) AS essay,"
                    + " c.slug AS claim, cr.title AS title, cr.summary AS detail, cr.revision_no AS num, CAST(0 AS BIGINT) AS note, cr.id AS ref"
                    + " FROM claim_revision cr JOIN claim c ON c.id = cr.claim_id LEFT JOIN app_user u ON u.id = cr.author_id WHERE c.slug = ?"
                    + " UNION ALL SELECT 'passage', p.created_at, u.username, e.slug, c.slug, a.anchor_exact, p.stance, 0, a.id, p.id"
                    + " FROM claim_passage p JOIN claim c ON c.id = p.claim_id JOIN annotation a ON a.id = p.annotation_id"
                    + " JOIN essay e ON e.id = a.essay_id LEFT JOIN app_user u ON u.id = p.added_by"
                    + " WHERE c.slug = ? AND p.removed_at IS NULL AND a.deleted_at IS NULL AND a.hidden_at IS NULL"
                    + " ORDER BY 2 DESC, 10 DESC FETCH FIRST ? ROWS ONLY";

    private final Jdbc jdbc;

    ClaimFeedRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Change> recent(String claimSlug, int limit) {
        return jdbc.query(
                CLAIM,
                rs -> new Change(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        AtomFeeds.abbreviate(rs.getString(6)),
                        AtomFeeds.abbreviate(rs.getString(7)),
                        rs.getInt(8),
                        rs.getLong(9),
                        rs.getLong(10)),
                claimSlug,
                claimSlug,
                limit);
    }
}
