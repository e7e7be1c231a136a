package glossa.claims;

import glossa.storage.Jdbc;
import glossa.storage.PageVersions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Claims, their revisions and their passages in the database. */
public final class ClaimRepository {

    private static final String CURRENT =
            "SELECT c.id, c.slug, r.title, r.description, r.revision_no, r.created_at FROM claim c"
                    + " JOIN claim_revision r ON r.claim_id = c.id"
                    + " WHERE r.revision_no = (SELECT MAX(r2.revision_no) FROM claim_revision r2 WHERE r2.claim_id = c.id)";

    private static final String PASSAGES =
            "SELECT p.id, p.claim_id, c.slug AS claim_slug, cr.title AS claim_title, p.annotation_id, p.stance,"
                    + " a.essay_id, e.slug AS essay_slug, a.anchor_exact, a.anchor_method, a.anchor_start, a.anchor_end"
                    + " FROM claim_passage p JOIN claim c ON c.id = p.claim_id JOIN annotation a ON a.id = p.annotation_id JOIN essay e ON e.id = a.essay_id"
                    + " JOIN claim_revision cr ON cr.claim_id = c.id AND cr.revision_no = (SELECT MAX(r2.revision_no) FROM claim_revision r2 WHERE r2.claim_id = c.id)"
                    + " WHERE p.removed_at IS NULL AND a.deleted_at IS NULL";

    private final Jdbc jdbc;

    public ClaimRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Claim> find(String slug) {
        return jdbc.queryOne(CURRENT + " AND c.slug = ?", ClaimRepository::claim, slug);
    }

    public List<Claim> all() {
        return jdbc.query(CURRENT + " ORDER BY r.title", ClaimRepository::claim);
    }

    boolean titleTaken(String titleKey, Long exceptClaimId) {
        return jdbc.queryOne("SELECT id FROM claim WHERE title_key = ?", rs -> rs.getLong(1), titleKey)
                .filter(id -> exceptClaimId == null || id.longValue() != exceptClaimId)
                .isPresent();
    }

    boolean slugTaken(String slug) {
        return jdbc.queryOne("SELECT id FROM claim WHERE slug = ?", rs -> rs.getLong(1), slug)
                .isPresent();
    }

    long insertClaim(Jdbc tx, String slug, String titleKey, Instant at) {
        return tx.insert(
                "INSERT INTO claim (slug, title_key, created_at) VALUES (?, ?, ?)",
                "id",
                slug,
                titleKey,
                at.atOffset(ZoneOffset.UTC));
    }

    /** Adds a revision as it was (from an export), keeping its time and author. */
    void insertImportedRevision(
            long claimId, String title, String description, String summary, Long authorId, Instant at) {
        jdbc.inTransaction(tx -> {
            int newest = tx.queryOne("SELECT revision_no FROM claim WHERE id = ?", rs -> rs.getInt(1), claimId)
                    .orElse(0);
            return insertRevision(tx, claimId, newest, title, description, summary, authorId, at);
        });
    }

    long insertImportedClaim(String slug, String title, Instant at) {
        return jdbc.inTransaction(tx -> insertClaim(tx, slug, ClaimService.key(title), at));
    }

    /**
     * Adds revision {@code base + 1} and makes it the claim's newest, but only while {@code base} is
     * still the newest: the check and the advance are one UPDATE. Returns the new revision number, or
     * 0 when someone else saved first (the caller rolls back).
     */
    int insertRevision(
            Jdbc tx,
            long claimId,
            int base,
            String title,
            String description,
            String summary,
            Long authorId,
            Instant at) {
        int next = base + 1;
        PageVersions.claim(tx, claimId);
        if (tx.update(
                        "UPDATE claim SET title_key = ?, revision_no = ? WHERE id = ? AND revision_no = ?",
                        ClaimService.key(title),
                        next,
                        claimId,
                        base)
                != 1) {
            return 0;
        }
        tx.insert(
                "INSERT INTO claim_revision (claim_id, revision_no, title, description, summary, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                "id",
                claimId,
                next,
                title,
                description,
                summary,
                authorId,
                at.atOffset(ZoneOffset.UTC));
        return next;
    }

    public List<ClaimRevision> revisions(long claimId) {
        return jdbc.query(
                "SELECT r.id, r.revision_no, r.title, r.description, r.summary, u.username, r.created_at FROM claim_revision r"
                        + " LEFT JOIN app_user u ON u.id = r.author_id WHERE r.claim_id = ? ORDER BY r.revision_no DESC",
                rs -> new ClaimRevision(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                claimId);
    }

    long insertPassage(long claimId, long annotationId, Stance stance, Long addedBy, String starterKey, Instant at) {
        return jdbc.inTransaction(tx -> insertPassage(tx, claimId, annotationId, stance, addedBy, starterKey, at));
    }

    /** Bumps the page versions of the claim and the note's essay in the same transaction as the insert. */
    long insertPassage(
            Jdbc tx, long claimId, long annotationId, Stance stance, Long addedBy, String starterKey, Instant at) {
        PageVersions.claim(tx, claimId);
        PageVersions.essayOfAnnotation(tx, annotationId);
        return tx.insert(
                "INSERT INTO claim_passage (claim_id, annotation_id, stance, added_by, starter_key, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                "id",
                claimId,
                annotationId,
                stance.name(),
                addedBy,
                starterKey,
                at.atOffset(ZoneOffset.UTC));
    }

    boolean starterPassageExists(String key) {
        return jdbc.queryOne("SELECT id FROM claim_passage WHERE starter_key = ?", rs -> rs.getLong(1), key)
                .isPresent();
    }

    public List<ClaimPassage> passages(long claimId) {
        return jdbc.query(
                PASSAGES + " AND p.claim_id = ? ORDER BY e.slug, a.anchor_start", ClaimRepository::passage, claimId);
    }

    public List<ClaimPassage> passagesInEssay(long essayId) {
        return jdbc.query(PASSAGES + " AND a.essay_id = ? ORDER BY a.anchor_start", ClaimRepository::passage, essayId);
    }

    public List<ClaimPassage> allPassages() {
        return jdbc.query(PASSAGES + " ORDER BY cr.title, e.slug, a.anchor_start", ClaimRepository::passage);
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                null,
                rs.getInt("revision_no"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static ClaimPassage passage(ResultSet rs) throws SQLException {
        boolean gone = "ORPHAN".equals(rs.getString("anchor_method"));
        return new ClaimPassage(
                rs.getLong("id"),
                rs.getLong("claim_id"),
                rs.getString("claim_slug"),
                rs.getString("claim_title"),
                rs.getLong("annotation_id"),
                Stance.valueOf(rs.getString("stance")),
                rs.getLong("essay_id"),
                rs.getString("essay_slug"),
                rs.getString("anchor_exact"),
                gone ? -1 : rs.getInt("anchor_start"),
                gone ? -1 : rs.getInt("anchor_end"));
    }
}
