package glossa.essays;

import glossa.anchoring.CanonicalText;
import glossa.storage.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Essays and their revisions in the database. All SQL of this feature lives here. */
public final class EssayRepository {

    private static final String REVISION_COLUMNS = "r.id, r.essay_id, r.revision_no, e.slug, r.title, r.subtitle, r.author, "
            + "r.published, r.publication, r.source_url, r.title_note, r.content_hash, r.html, r.canonical_text, "
            + "r.offset_map, r.word_count, r.imported_at";

    /** Joins each essay to its newest revision. */
    private static final String CURRENT = " FROM essay e JOIN essay_revision r ON r.essay_id = e.id"
            + " WHERE r.revision_no = (SELECT MAX(r2.revision_no) FROM essay_revision r2 WHERE r2.essay_id = e.id)";

    private final Jdbc jdbc;

    public EssayRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<EssayRevision> currentRevisions() {
        return jdbc.query("SELECT " + REVISION_COLUMNS + CURRENT + " ORDER BY r.title", EssayRepository::mapRevision);
    }

    public Optional<EssayRevision> currentRevision(String slug) {
        return jdbc.queryOne("SELECT " + REVISION_COLUMNS + CURRENT + " AND e.slug = ?", EssayRepository::mapRevision, slug);
    }

    public List<EssayRevision> revisions(String slug) {
        return jdbc.query("SELECT " + REVISION_COLUMNS + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id"
                + " WHERE e.slug = ? ORDER BY r.revision_no", EssayRepository::mapRevision, slug);
    }

    public Optional<EssayRevision> revisionById(long id) {
        return jdbc.queryOne("SELECT " + REVISION_COLUMNS + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id WHERE r.id = ?",
                EssayRepository::mapRevision, id);
    }

    /** The highest revision id in the database: changes whenever any essay gains a revision. */
    public long latestRevisionId() {
        return jdbc.queryOne("SELECT MAX(id) FROM essay_revision", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Hash of the newest revision of {@code slug}, if the essay exists. */
    Optional<String> currentHash(Jdbc tx, String slug) {
        return tx.queryOne("SELECT r.content_hash" + CURRENT + " AND e.slug = ?", rs -> rs.getString(1), slug);
    }

    /** Stores a new revision, creating the essay on its first import; returns {essay id, revision id}. */
    long[] insertRevision(Jdbc tx, CorpusFile file, glossa.markdown.RenderedEssay rendered, Instant now) {
        EssayMeta m = file.meta();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        long essayId = tx.queryOne("SELECT id FROM essay WHERE slug = ?", rs -> rs.getLong(1), m.slug())
                .orElseGet(() -> tx.insert("INSERT INTO essay (slug, created_at) VALUES (?, ?)", "id", m.slug(), at));
        int next = tx.queryOne("SELECT COALESCE(MAX(revision_no), 0) + 1 FROM essay_revision WHERE essay_id = ?",
                rs -> rs.getInt(1), essayId).orElse(1);
        long revisionId = tx.insert("INSERT INTO essay_revision (essay_id, revision_no, content_hash, source_file, title, subtitle, author,"
                        + " published, publication, source_url, title_note, markdown, html, canonical_text, offset_map,"
                        + " word_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id",
                essayId, next, file.contentHash(), file.path().getFileName().toString(), m.title(), m.subtitle(),
                m.author(), m.date(), m.publication(), m.sourceUrl(), m.titleNote(), file.markdown(), rendered.html(),
                rendered.canonicalText().text(), OffsetMapCodec.encode(rendered.canonicalText().segments()),
                rendered.wordCount(), at);
        return new long[] {essayId, revisionId};
    }

    private static EssayRevision mapRevision(ResultSet rs) throws SQLException {
        EssayMeta meta = new EssayMeta(rs.getString("slug"), rs.getString("title"), rs.getString("subtitle"),
                rs.getString("author"), rs.getString("published"), rs.getString("publication"),
                rs.getString("source_url"), rs.getString("title_note"));
        CanonicalText canonical = new CanonicalText(rs.getString("canonical_text"),
                OffsetMapCodec.decode(rs.getString("offset_map")));
        Timestamp imported = rs.getTimestamp("imported_at");
        return new EssayRevision(rs.getLong("id"), rs.getLong("essay_id"), rs.getInt("revision_no"), meta,
                rs.getString("content_hash"), rs.getString("html"), canonical, rs.getInt("word_count"),
                imported.toInstant());
    }
}
