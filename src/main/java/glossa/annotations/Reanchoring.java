package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import glossa.anchoring.TextPositionSelector;
import glossa.anchoring.TextQuoteSelector;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import glossa.storage.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries the notes of an essay to a new revision of its text: the anchoring, applied to the stored notes. */
final class Reanchoring {

    private static final Logger log = LoggerFactory.getLogger(Reanchoring.class);

    private final Jdbc jdbc;
    private final AnnotationRepository notes;
    private final EssayRepository essays;
    private final Clock clock;

    Reanchoring(Jdbc jdbc, AnnotationRepository notes, EssayRepository essays, Clock clock) {
        this.jdbc = jdbc;
        this.notes = notes;
        this.essays = essays;
        this.clock = clock;
    }

    /**
     * Carries every note of an essay to its new revision, once, at import. Each note keeps its old
     * selectors in its history; an orphan keeps its quote and waits in the orphan panel.
     */
    void reanchor(long essayId, long newRevisionId) {
        EssayRevision target = essays.revisionById(newRevisionId).orElseThrow();
        Map<Long, RevisionMapping> mappings = new HashMap<>();
        Instant now = clock.instant();
        int moved = 0;
        int orphaned = 0;
        for (Annotation a : notes.forEssay(essayId)) {
            if (a.isReply() || a.anchorRevisionId() == null || a.anchorRevisionId() == newRevisionId) {
                continue;
            }
            // An orphan is retried from where it was made; a placed note from where it stands now.
            long sourceId = a.orphan() ? a.madeOnRevisionId() : a.anchorRevisionId();
            RevisionMapping mapping = mappings.computeIfAbsent(
                    sourceId,
                    rid -> new RevisionMapping(
                            essays.revisionById(rid)
                                    .orElseThrow()
                                    .canonicalText()
                                    .text(),
                            target.canonicalText().text()));
            Anchor anchor = carry(a, mapping, target, now);
            if (anchor == null) {
                log.warn(
                        "note {} changed while essay {} was re-anchored; it keeps its previous anchor",
                        a.id(),
                        essayId);
                continue;
            }
            if (anchor.isOrphan()) {
                orphaned++;
            } else {
                moved++;
            }
        }
        log.info(
                "re-anchored notes of essay {} to revision {}: {} placed, {} orphaned",
                essayId,
                target.revisionNo(),
                moved,
                orphaned);
    }

    /**
     * Carries note {@code a} with {@code mapping} onto {@code target} and stores where it lands, with the
     * old place in its history; null when the note changed meanwhile and was left as it was.
     */
    private Anchor carry(Annotation a, RevisionMapping mapping, EssayRevision target, Instant now) {
        Target from = a.orphan()
                ? new Target(new TextPositionSelector(a.madeStart(), a.madeEnd()), a.made())
                : new Target(
                        new TextPositionSelector(a.anchor().start(), a.anchor().end()), a.quote());
        Anchor anchor = mapping.carry(from);
        TextQuoteSelector quote = anchor.isOrphan()
                ? a.quote()
                : Target.of(mapping.newText(), anchor.start(), anchor.end()).quote();
        String before = NoteChange.describe(a);
        String after = anchor.isOrphan()
                ? "orphaned (revision " + target.revisionNo() + ")"
                : NoteChange.describe(target.revisionNo(), anchor.start(), anchor.end(), quote.exact()) + " by "
                        + anchor.method().name().toLowerCase(java.util.Locale.ROOT);
        boolean placed = jdbc.inTransaction(tx -> {
            // Compare-and-set like every other write: if the note changed meanwhile, the carry
            // is skipped and logged; the note keeps its old anchor and is carried at the next revision.
            if (!notes.updateAnchor(tx, a.id(), a.version(), target.id(), anchor, quote, now)) {
                return false;
            }
            notes.addHistory(tx, a.id(), null, now, NoteChange.passage("reanchored", before, after));
            return true;
        });
        return placed ? anchor : null;
    }
}
