package glossa.essays;

import glossa.anchoring.CanonicalText;
import glossa.markdown.RenderedEssay;
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

    private static final String REVISION_COLUMNS =
            "r.id, r.essay_id, r.revision_no, e.slug, r.title, r.subtitle, r.author, "
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

    /**
     * Every essay's newest revision without its text (html and canonical text empty): what lists of
     * essays need, a few hundred bytes an essay however long the essays are.
     */
    public List<EssayRevision> currentSummaries() {
        return jdbc.query(
                "SELECT r.id, r.essay_id, r.revision_no, e.slug, r.title, r.subtitle, r.author, r.published, r.publication,"
                        + " r.source_url, r.title_note, r.content_hash, '' AS html, '' AS canonical_text, '' AS offset_map, r.word_count,"
                        + " r.imported_at" + CURRENT + " ORDER BY r.title",
                EssayRepository::mapRevision);
    }

    public Optional<EssayRevision> currentRevision(String slug) {
        return jdbc.queryOne(
                "SELECT " + REVISION_COLUMNS + CURRENT + " AND e.slug = ?", EssayRepository::mapRevision, slug);
    }

    public List<EssayRevision> revisions(String slug) {
        return jdbc.query(
                "SELECT " + REVISION_COLUMNS + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id"
                        + " WHERE e.slug = ? ORDER BY r.revision_no",
                EssayRepository::mapRevision,
                slug);
    }

    public Optional<EssayRevision> revisionById(long id) {
        return jdbc.queryOne(
                "SELECT " + REVISION_COLUMNS
                        + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id WHERE r.id = ?",
                EssayRepository::mapRevision,
                id);
    }

    /** The highest revision id in the database: changes whenever any essay gains a revision. */
    public long latestRevisionId() {
        return jdbc.queryOne("SELECT MAX(id) FROM essay_revision", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Hash of the corpus file last imported for {@code slug}; empty for an essay never read from a file. */
    Optional<String> corpusHash(Jdbc tx, String slug) {
        return tx.queryOne(
                        "SELECT corpus_hash FROM essay WHERE slug = ?",
                        rs -> Optional.ofNullable(rs.getString(1)),
                        slug)
                .flatMap(h -> h);
    }

    /** Hash of the newest revision of {@code slug}, if the essay exists. */
    Optional<String> currentHash(Jdbc tx, String slug) {
        return tx.queryOne("SELECT r.content_hash" + CURRENT + " AND e.slug = ?", rs -> rs.getString(1), slug);
    }

    /** Remembers that the corpus file with this hash has been read, when it matched the text already current. */
    void rememberCorpusHash(Jdbc tx, String slug, String hash) {
        tx.update("UPDATE essay SET corpus_hash = ? WHERE slug = ?", hash, slug);
    }

    /** Slug and whole source (front matter included) of every essay's current revision, by slug. */
    public List<String[]> currentSources() {
        return jdbc.query("SELECT e.slug, r.markdown" + CURRENT + " ORDER BY e.slug", rs ->
                new String[] {rs.getString(1), rs.getString(2)});
    }

    /** The newest revision number of {@code slug}, 0 when there is no such essay. */
    int newestRevisionNo(Jdbc tx, String slug) {
        return tx.queryOne("SELECT revision_no FROM essay WHERE slug = ?", rs -> rs.getInt(1), slug)
                .orElse(0);
    }

    /**
     * Stores revision {@code base + 1} of the essay and makes it the newest, but only while {@code base}
     * is still the newest: the check and the advance are one UPDATE. Creates the essay when {@code base}
     * is 0 and the slug is free. Returns the new revision's ids, or empty when someone else saved first
     * (or took the slug), in which case the caller's transaction must change nothing else.
     *
     * @param editorId who made it; null for the system account (a corpus file)
     * @param fromFile true when the text comes from a corpus file, whose hash is then remembered
     */
    Optional<RevisionIds> insertRevision(Jdbc tx, NewRevision r, RenderedEssay rendered, int base, Instant now) {
        EssayMeta m = r.meta();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Optional<Long> existing = tx.queryOne("SELECT id FROM essay WHERE slug = ?", rs -> rs.getLong(1), m.slug());
        if (existing.isEmpty() && base != 0) {
            return Optional.empty();
        }
        long essayId;
        if (existing.isEmpty()) {
            essayId =
                    tx.insert("INSERT INTO essay (slug, created_at, revision_no) VALUES (?, ?, 0)", "id", m.slug(), at);
        } else {
            essayId = existing.get();
        }
        int next = base + 1;
        String advance = r.fromFile()
                ? "UPDATE essay SET revision_no = ?, corpus_hash = ? WHERE id = ? AND revision_no = ?"
                : "UPDATE essay SET revision_no = ? WHERE id = ? AND revision_no = ?";
        int updated = r.fromFile()
                ? tx.update(advance, next, r.contentHash(), essayId, base)
                : tx.update(advance, next, essayId, base);
        if (updated != 1) {
            return Optional.empty();
        }
        glossa.storage.PageVersions.essay(tx, essayId);
        long revisionId = tx.insert(
                "INSERT INTO essay_revision (essay_id, revision_no, content_hash, source_file, title, subtitle, author,"
                        + " published, publication, source_url, title_note, markdown, html, canonical_text, offset_map,"
                        + " word_count, imported_at, editor_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "id",
                essayId,
                next,
                r.contentHash(),
                r.sourceFile(),
                m.title(),
                m.subtitle(),
                m.author(),
                m.date(),
                m.publication(),
                m.sourceUrl(),
                m.titleNote(),
                r.markdown(),
                rendered.html(),
                rendered.canonicalText().text(),
                OffsetMapCodec.encode(rendered.canonicalText().segments()),
                rendered.wordCount(),
                at,
                r.editorId(),
                r.summary());
        return Optional.of(new RevisionIds(essayId, revisionId, next));
    }

    /** Every revision of an essay for its history page, newest first, without the large columns. */
    public List<RevisionEntry> history(String slug) {
        return jdbc.query(
                "SELECT r.id, r.revision_no, u.username, r.summary, r.source_file, r.imported_at, r.word_count, r.title"
                        + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id LEFT JOIN app_user u ON u.id = r.editor_id"
                        + " WHERE e.slug = ? ORDER BY r.revision_no DESC",
                rs -> new RevisionEntry(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getInt(7),
                        rs.getString(8)),
                slug);
    }

    /** The Markdown source (front matter included) of one revision. */
    public Optional<String> markdown(String slug, int revisionNo) {
        return jdbc.queryOne(
                "SELECT r.markdown FROM essay e JOIN essay_revision r ON r.essay_id = e.id"
                        + " WHERE e.slug = ? AND r.revision_no = ?",
                rs -> rs.getString(1),
                slug,
                revisionNo);
    }

    public boolean slugTaken(String slug) {
        return jdbc.queryOne("SELECT id FROM essay WHERE slug = ?", rs -> rs.getLong(1), slug)
                .isPresent();
    }

    private static EssayRevision mapRevision(ResultSet rs) throws SQLException {
        EssayMeta meta = new EssayMeta(
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("subtitle"),
                rs.getString("author"),
                rs.getString("published"),
                rs.getString("publication"),
                rs.getString("source_url"),
                rs.getString("title_note"));
        CanonicalText canonical =
                new CanonicalText(rs.getString("canonical_text"), OffsetMapCodec.decode(rs.getString("offset_map")));
        Timestamp imported = rs.getTimestamp("imported_at");
        return new EssayRevision(
                rs.getLong("id"),
                rs.getLong("essay_id"),
                rs.getInt("revision_no"),
                meta,
                rs.getString("content_hash"),
                rs.getString("html"),
                canonical,
                rs.getInt("word_count"),
                imported.toInstant());
    }
}
