package glossa.annotations;

import glossa.accounts.AuditLog;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.anchoring.Target;
import glossa.errors.Reason;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import glossa.markdown.UserMarkdown;
import glossa.storage.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The rules of notes: making one on a passage, replying, editing, deleting, hiding, re-attaching, and
 * carrying every note to a new revision of its essay. Forms, the API and the importer all come here.
 */
public final class AnnotationService {

    /** The longest passage a note may stand on, in code points: a few paragraphs, not a whole essay. */
    public static final int MAX_PASSAGE = 5_000;

    private final Jdbc jdbc;
    private final AnnotationRepository notes;
    private final EssayCatalog catalog;
    private final EssayRepository essays;
    private final UserMarkdown markdown;
    private final AuditLog audit;
    private final Clock clock;
    private final java.util.function.LongFunction<String> deletionBlocker;
    private final PassageResolver passages;
    private final NoteWrites writes;
    private final ImportedNotes imported;

    /**
     * @param deletionBlocker says why a note may not be deleted (it carries links), or null when it may;
     *                        so that deleting a note never makes links vanish silently
     */
    public AnnotationService(
            Jdbc jdbc,
            AnnotationRepository notes,
            EssayCatalog catalog,
            EssayRepository essays,
            UserMarkdown markdown,
            AuditLog audit,
            Clock clock,
            java.util.function.LongFunction<String> deletionBlocker) {
        this.deletionBlocker = deletionBlocker;
        this.jdbc = jdbc;
        this.notes = notes;
        this.catalog = catalog;
        this.essays = essays;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
        this.passages = new PassageResolver(essays);
        this.writes = new NoteWrites(notes, markdown, clock);
        this.imported = new ImportedNotes(jdbc, notes);
    }

    public EssayRevision essay(String slug) throws AnnotationException {
        return catalog.find(slug)
                .orElseThrow(() -> new AnnotationException(
                        Reason.NOT_FOUND, null, "There is no essay called \u201c" + slug + "\u201d."));
    }

    public Annotation get(long id) throws AnnotationException {
        return notes.find(id)
                .orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no note " + id + "."));
    }

    /** Resolves what the reader pointed at to a passage of the essay's newest revision. */
    public Target resolve(EssayRevision current, PassageInput p) throws AnnotationException {
        return passages.resolve(current, p);
    }

    public Annotation create(User author, String slug, PassageInput passage, NoteInput note, String canonicalIri)
            throws AnnotationException {
        EssayRevision current = essay(slug);
        Target target = resolve(current, passage);
        long id = jdbc.inTransaction(tx -> writes.note(tx, author, current, target, note, canonicalIri));
        return get(id);
    }

    /**
     * A bare passage (kind ANCHOR) that links and claims point to. {@code via} (if not null) marks
     * where it came from, e.g. a line of the starter content, so that it is made only once.
     */
    public Annotation createAnchor(User author, String slug, PassageInput passage, String via)
            throws AnnotationException {
        if (via != null) {
            var existing = imported.findByVia(via);
            if (existing.isPresent()) {
                return get(existing.get());
            }
        }
        EssayRevision current = essay(slug);
        Target target = resolve(current, passage);
        return get(jdbc.inTransaction(tx -> createAnchor(tx, author, current, target, via)));
    }

    /**
     * The same inside the caller's transaction, on a passage already resolved, so that a link or a
     * claim passage and its anchor are written together or not at all. Returns the anchor's id.
     */
    public long createAnchor(Jdbc tx, User author, EssayRevision essay, Target target, String via) {
        if (via != null) {
            var existing = imported.findByVia(tx, via);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        long id = writes.note(tx, author, essay, target, new NoteInput("", List.of(), Kind.ANCHOR), null);
        if (via != null) {
            imported.setVia(tx, id, via);
        }
        return id;
    }

    public Annotation reply(User author, long parentId, NoteInput note, String canonicalIri)
            throws AnnotationException {
        Annotation parent = get(parentId);
        if (!parent.visible()) {
            throw new AnnotationException(
                    Reason.CONFLICT, null, "That note has been removed; it takes no new replies.");
        }
        // Threads are one level deep: the page shows replies under notes, so a reply to a reply or to
        // a link's bare far end would be stored and shown nowhere.
        if (parent.isReply()) {
            throw new AnnotationException(
                    Reason.INVALID, "target", "Reply to the note itself: replies to a reply are not shown anywhere.");
        }
        if (parent.kind() == Kind.ANCHOR) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "target",
                    "That is the far end of a link, not a note; reply to the note that carries the link.");
        }
        return get(jdbc.inTransaction(tx -> writes.reply(tx, author, parent, note, canonicalIri)));
    }

    /** Edits body, tags and kind; only the author may. {@code expectedVersion} (if given) must be current. */
    public Annotation edit(User editor, long id, NoteInput note, Integer expectedVersion) throws AnnotationException {
        return update(editor, id, note, null, expectedVersion);
    }

    /**
     * Edits a note and, when {@code moveTo} is given, places it on another passage: both in one
     * transaction, checked against {@code expectedVersion} (the version the editor saw; null means the
     * one read here) inside the UPDATE itself. Everything is checked before anything is written, and a
     * refusal at any step leaves the note as it was.
     */
    public Annotation update(User editor, long id, NoteInput note, PassageInput moveTo, Integer expectedVersion)
            throws AnnotationException {
        Annotation a = writable(editor, id, expectedVersion);
        int version = expectedVersion != null ? expectedVersion : a.version();
        if (a.kind() == Kind.ANCHOR) {
            throw new AnnotationException(
                    Reason.CONFLICT, null, "This passage is the far end of a link; it has no text of its own to edit.");
        }
        if (moveTo != null && a.isReply()) {
            throw new AnnotationException(Reason.INVALID, "target", "A reply has no passage.");
        }
        EssayRevision current = moveTo == null ? null : essay(a.essaySlug());
        Target target = moveTo == null ? null : resolve(current, moveTo);
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            writes.content(tx, editor, a, version, note, now);
            if (target != null) {
                writes.place(tx, editor, a, version + 1, current, target, now);
            }
            return null;
        });
        return get(id);
    }

    /** Deletes a note (kept in the database and its history; its replies stay readable). */
    public void delete(User editor, long id, Integer expectedVersion) throws AnnotationException {
        delete(editor, id, expectedVersion, null);
    }

    /**
     * Deletes a note; {@code removeLinks} (if not null) first removes the links it carries in the same
     * transaction, so that a note with links can go in one step and no link is left dangling.
     */
    public void delete(User editor, long id, Integer expectedVersion, java.util.function.Consumer<Jdbc> removeLinks)
            throws AnnotationException {
        Annotation a = writable(editor, id, expectedVersion);
        int version = expectedVersion != null ? expectedVersion : a.version();
        String blocked = removeLinks == null ? deletionBlocker.apply(id) : null;
        if (blocked != null) {
            throw new AnnotationException(Reason.CONFLICT, null, blocked);
        }
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            if (!notes.markDeleted(tx, id, version, now)) {
                throw NoteWrites.stale(id);
            }
            if (removeLinks != null) {
                removeLinks.accept(tx);
            }
            notes.addHistory(tx, id, editor.id(), now, NoteChange.deleted(a.body()));
            return null;
        });
    }

    /** Writes a change that another feature made to a note (a link made or removed) into the note's history. */
    public void recordChange(Jdbc tx, long id, User by, String change, String detail) {
        notes.addHistory(tx, id, by.id(), clock.instant(), NoteChange.passage(change, null, detail));
    }

    /** Markdown as the server renders and sanitizes it, for a preview of a note being written. */
    public String preview(String body) {
        return markdown.toHtml(body == null ? "" : body);
    }

    /** Moderators hide or restore anyone's note; the audit log records it. */
    public Annotation setHidden(User moderator, long id, boolean hide, String address) throws AnnotationException {
        if (!moderator.can(Role.MODERATOR)) {
            throw new AnnotationException(Reason.FORBIDDEN, null, "Only moderators hide or restore notes.");
        }
        Annotation a = get(id);
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            if (!notes.setHidden(tx, id, a.version(), hide, moderator.id(), now)) {
                throw NoteWrites.stale(id);
            }
            notes.addHistory(tx, id, moderator.id(), now, NoteChange.action(hide ? "hidden" : "restored"));
            return null;
        });
        audit.record(
                moderator.id(),
                hide ? "note-hidden" : "note-restored",
                "note " + id,
                a.author() + " on " + a.essaySlug(),
                address);
        return get(id);
    }

    /** Its author attaches an orphaned (or any) note to a newly chosen passage of the newest revision. */
    public Annotation reattach(User editor, long id, PassageInput passage) throws AnnotationException {
        Annotation a = writable(editor, id, null);
        if (a.isReply()) {
            throw new AnnotationException(Reason.INVALID, null, "A reply has no passage.");
        }
        EssayRevision current = essay(a.essaySlug());
        Target target = resolve(current, passage);
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            writes.place(tx, editor, a, a.version(), current, target, now);
            return null;
        });
        return get(id);
    }

    /**
     * Carries every note of an essay to its new revision, once, at import. Each note keeps its old
     * selectors in its history; an orphan keeps its quote and waits in the orphan panel.
     */
    public void reanchor(long essayId, long newRevisionId) {
        new Reanchoring(jdbc, notes, essays, clock).reanchor(essayId, newRevisionId);
    }

    private Annotation writable(User editor, long id, Integer expectedVersion) throws AnnotationException {
        Annotation a = get(id);
        if (a.deleted()) {
            throw new AnnotationException(Reason.NOT_FOUND, null, "There is no note " + id + ".");
        }
        if (a.authorId() != editor.id()) {
            throw new AnnotationException(Reason.FORBIDDEN, null, "Only its author can change this note.");
        }
        if (a.hidden()) {
            throw new AnnotationException(
                    Reason.FORBIDDEN,
                    null,
                    "A moderator has hidden this note; it cannot be changed until it is restored.");
        }
        if (expectedVersion != null && expectedVersion != a.version()) {
            throw new AnnotationException(
                    Reason.STALE, null, "The note has changed since you loaded it. Reload it and try again.");
        }
        return a;
    }
}
