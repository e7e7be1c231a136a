package glossa.annotations;

import glossa.accounts.User;
import glossa.anchoring.Anchor;
import glossa.anchoring.Target;
import glossa.errors.Reason;
import glossa.essays.EssayRevision;
import glossa.markdown.UserMarkdown;
import glossa.storage.Jdbc;
import java.time.Clock;
import java.time.Instant;

/**
 * The steps that write a note, each with its history row, inside the caller's transaction. The rules
 * (who may, what is checked first) are {@link AnnotationService}'s; a step whose compare-and-set finds the
 * note changed throws {@link #stale}, and the caller's transaction rolls everything back.
 */
final class NoteWrites {

    private final AnnotationRepository notes;
    private final UserMarkdown markdown;
    private final Clock clock;

    NoteWrites(AnnotationRepository notes, UserMarkdown markdown, Clock clock) {
        this.notes = notes;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Stores a note on {@code target} with its "created" history row; returns its id. */
    long note(Jdbc tx, User author, EssayRevision current, Target target, NoteInput note, String canonicalIri) {
        Instant now = clock.instant();
        long newId = notes.insert(
                tx,
                new AnnotationRepository.NewAnnotation(
                        current.essayId(),
                        null,
                        author.id(),
                        note.kind(),
                        note.body(),
                        markdown.toHtml(note.body()),
                        note.tags(),
                        canonicalIri,
                        current.id(),
                        target.quote(),
                        target.position().start(),
                        target.position().end(),
                        Anchor.Method.POSITION,
                        now));
        notes.addHistory(
                tx,
                newId,
                author.id(),
                now,
                NoteChange.created(
                        note.body(),
                        note.tags(),
                        NoteChange.describe(
                                current.revisionNo(),
                                target.position().start(),
                                target.position().end(),
                                target.quote().exact())));
        return newId;
    }

    /** Stores a reply to {@code parent} (a comment, without a passage of its own); returns its id. */
    long reply(Jdbc tx, User author, Annotation parent, NoteInput note, String canonicalIri) {
        Instant now = clock.instant();
        long newId = notes.insert(
                tx,
                new AnnotationRepository.NewAnnotation(
                        parent.essayId(),
                        parent.id(),
                        author.id(),
                        Kind.COMMENT,
                        note.body(),
                        markdown.toHtml(note.body()),
                        note.tags(),
                        canonicalIri,
                        null,
                        null,
                        null,
                        null,
                        null,
                        now));
        notes.addHistory(tx, newId, author.id(), now, NoteChange.created(note.body(), note.tags(), null));
        return newId;
    }

    /** New words, tags and kind for note {@code a} (a reply stays a comment), if it still has {@code version}. */
    void content(Jdbc tx, User editor, Annotation a, int version, NoteInput note, Instant now)
            throws AnnotationException {
        String html = markdown.toHtml(note.body());
        if (!notes.updateContent(
                tx, a.id(), version, a.isReply() ? Kind.COMMENT : note.kind(), note.body(), html, now)) {
            throw stale(a.id());
        }
        notes.setTags(tx, a.id(), note.tags());
        notes.addHistory(tx, a.id(), editor.id(), now, NoteChange.edited(a.body(), note.body(), a.tags(), note.tags()));
    }

    /** Puts note {@code a} on {@code target} of the essay's newest revision, if it still has {@code version}. */
    void place(Jdbc tx, User editor, Annotation a, int version, EssayRevision current, Target target, Instant now)
            throws AnnotationException {
        Anchor anchor = new Anchor(
                Anchor.Method.POSITION,
                target.position().start(),
                target.position().end(),
                1);
        if (!notes.updateAnchor(tx, a.id(), version, current.id(), anchor, target.quote(), now)) {
            throw stale(a.id());
        }
        notes.addHistory(
                tx,
                a.id(),
                editor.id(),
                now,
                NoteChange.passage(
                        "reattached",
                        NoteChange.describe(a),
                        NoteChange.describe(
                                current.revisionNo(),
                                target.position().start(),
                                target.position().end(),
                                target.quote().exact())));
    }

    static AnnotationException stale(long id) {
        return new AnnotationException(
                Reason.STALE,
                null,
                "Note " + id + " has changed since you loaded it; nothing was saved. Reload it and try again.");
    }
}
