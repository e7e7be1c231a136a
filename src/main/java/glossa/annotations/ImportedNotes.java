package glossa.annotations;

import glossa.anchoring.TextQuoteSelector;
import glossa.storage.Jdbc;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notes that came from elsewhere, in the database: an export's notes stored with every field given, and
 * the mark ({@code via}) of where a note came from (an export's IRI, a line of the starter content), so
 * that importing the same thing twice finds it instead of making it again.
 */
final class ImportedNotes {

    private final Jdbc jdbc;
    private final AnnotationRepository notes;

    ImportedNotes(Jdbc jdbc, AnnotationRepository notes) {
        this.jdbc = jdbc;
        this.notes = notes;
    }

    /** A note as it comes from an export, every field given. */
    record Imported(
            long essayId,
            Long parentId,
            long authorId,
            Kind kind,
            String body,
            String bodyHtml,
            List<String> tags,
            String canonicalIri,
            String via,
            Long madeRevisionId,
            TextQuoteSelector made,
            Integer madeStart,
            Integer madeEnd,
            Long anchorRevisionId,
            String method,
            Integer start,
            Integer end,
            TextQuoteSelector quote,
            Instant created,
            Instant modified,
            Instant deleted,
            Instant hidden) {}

    long insert(Jdbc tx, Imported n) {
        long id = notes.insertRow(tx, n);
        notes.addHistory(tx, id, null, n.modified(), NoteChange.imported(n.body(), n.tags()));
        return id;
    }

    void setVia(Jdbc tx, long id, String via) {
        tx.update("UPDATE annotation SET via = ? WHERE id = ?", via, id);
    }

    /** Where each note that came from somewhere (starter content, an import) came from: note id to its mark. */
    Map<Long, String> vias() {
        Map<Long, String> vias = new HashMap<>();
        jdbc.query(
                "SELECT id, via FROM annotation WHERE via IS NOT NULL", rs -> vias.put(rs.getLong(1), rs.getString(2)));
        return vias;
    }

    Optional<Long> findByVia(String iri) {
        return findByVia(jdbc, iri);
    }

    Optional<Long> findByVia(Jdbc tx, String iri) {
        if (iri == null || iri.isEmpty()) {
            return Optional.empty();
        }
        return tx.queryOne("SELECT id FROM annotation WHERE via = ?", rs -> rs.getLong(1), iri);
    }
}
