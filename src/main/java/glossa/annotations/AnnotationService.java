package glossa.annotations;

import glossa.errors.Reason;
import glossa.accounts.AuditLog;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.anchoring.Anchor;
import glossa.anchoring.CodePointText;
import glossa.anchoring.QuoteFinder;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import glossa.anchoring.TextPositionSelector;
import glossa.anchoring.TextQuoteSelector;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import glossa.markdown.UserMarkdown;
import glossa.storage.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of notes: making one on a passage, replying, editing, deleting, hiding, re-attaching, and
 * carrying every note to a new revision of its essay. Forms, the API and the importer all come here.
 */
public final class AnnotationService {

    private static final Logger log = LoggerFactory.getLogger(AnnotationService.class);

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

    /**
     * @param deletionBlocker says why a note may not be deleted (it carries links), or null when it may;
     *                        so that deleting a note never makes links vanish silently
     */
    public AnnotationService(Jdbc jdbc, AnnotationRepository notes, EssayCatalog catalog, EssayRepository essays,
                             UserMarkdown markdown, AuditLog audit, Clock clock, java.util.function.LongFunction<String> deletionBlocker) {
        this.deletionBlocker = deletionBlocker;
        this.jdbc = jdbc;
        this.notes = notes;
        this.catalog = catalog;
        this.essays = essays;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    public EssayRevision essay(String slug) throws AnnotationException {
        return catalog.find(slug).orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no essay called \u201c" + slug + "\u201d."));
    }

    public Annotation get(long id) throws AnnotationException {
        return notes.find(id).orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no note " + id + "."));
    }

    /** Resolves what the reader pointed at to a passage of the essay's newest revision. */
    public Target resolve(EssayRevision current, PassageInput p) throws AnnotationException {
        EssayRevision seen = current;
        if (p.revisionNo() != null && p.revisionNo() != current.revisionNo()) {
            seen = essays.revisions(current.slug()).stream().filter(r -> r.revisionNo() == p.revisionNo()).findFirst()
                    .orElseThrow(() -> new AnnotationException(Reason.INVALID, "revision", "The essay has no revision " + p.revisionNo() + "."));
        }
        CodePointText text = new CodePointText(seen.canonicalText().text());
        Target target;
        if (p.start() != null || p.end() != null) {
            if (p.start() == null || p.end() == null || p.start() < 0 || p.end() > text.length() || p.start() >= p.end()) {
                throw new AnnotationException(Reason.INVALID, "position", "The position " + p.start() + ".." + p.end()
                        + " is out of range: the text has " + text.length() + " characters.");
            }
            target = Target.of(text, p.start(), p.end());
            if (p.exact() != null && !p.exact().equals(target.quote().exact())) {
                target = utf16Reading(text, p).orElse(target);
            }
            if (p.exact() != null && !p.exact().equals(target.quote().exact())) {
                throw new AnnotationException(Reason.INVALID, "position", "The position does not match its quote: the text there reads \u201c"
                        + abbreviate(target.quote().exact()) + "\u201d.");
            }
        } else {
            target = byWords(text, p);
        }
        int length = target.position().end() - target.position().start();
        if (length > MAX_PASSAGE) {
            throw new AnnotationException(Reason.INVALID, p.start() != null ? "position" : "exact", "A passage may have at most "
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_PASSAGE) + " characters; this one has "
                    + String.format(java.util.Locale.ROOT, "%,d", length) + ". Select less.");
        }
        if (seen == current) {
            return target;
        }
        Anchor carried = new RevisionMapping(seen.canonicalText().text(), current.canonicalText().text()).carry(target);
        if (carried.isOrphan()) {
            throw new AnnotationException(Reason.CONFLICT, "position", "That passage has changed since you selected it. Select it again.");
        }
        return Target.of(new CodePointText(current.canonicalText().text()), carried.start(), carried.end());
    }

    /**
     * Glossa counts positions in code points, as the W3C model says; browser libraries count UTF-16
     * units, which differ once the text holds characters outside the Basic Multilingual Plane (emoji,
     * 𝔸). When the code-point reading does not match the quote but the UTF-16 reading does, the client
     * meant UTF-16: convert, rather than refuse a correct selection.
     */
    private static java.util.Optional<Target> utf16Reading(CodePointText text, PassageInput p) {
        String s = text.text();
        if (p.end() > s.length()) {
            return java.util.Optional.empty();
        }
        int start = s.codePointCount(0, p.start());
        int end = s.codePointCount(0, p.end());
        if (start >= end || !p.exact().equals(s.substring(p.start(), p.end()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Target.of(text, start, end));
    }

    private static Target byWords(CodePointText text, PassageInput p) throws AnnotationException {
        if (p.exact() == null || p.exact().isBlank()) {
            throw new AnnotationException(Reason.INVALID, "exact", "Give the exact words of the passage.");
        }
        List<TextPositionSelector> found = QuoteFinder.find(text, p.exact());
        if (found.isEmpty()) {
            throw new AnnotationException(Reason.INVALID, "exact", "Those words are not in the essay: \u201c" + abbreviate(p.exact()) + "\u201d.");
        }
        if (found.size() > 1 && (p.prefix() != null || p.suffix() != null)) {
            List<TextPositionSelector> inContext = found.stream().filter(f -> text.slice(0, f.start()).endsWith(Objects.toString(p.prefix(), ""))
                    && text.slice(f.end(), text.length()).startsWith(Objects.toString(p.suffix(), ""))).toList();
            if (!inContext.isEmpty()) {
                found = inContext;
            }
        }
        TextPositionSelector chosen;
        if (found.size() == 1) {
            chosen = found.get(0);
        } else if (p.occurrence() != null && p.occurrence() >= 0 && p.occurrence() < found.size()) {
            chosen = found.get(p.occurrence());
        } else {
            throw new AnnotationException.Ambiguous(found);
        }
        return Target.of(text, chosen.start(), chosen.end());
    }

    public Annotation create(User author, String slug, PassageInput passage, NoteInput note, String canonicalIri) throws AnnotationException {
        EssayRevision current = essay(slug);
        Target target = resolve(current, passage);
        long id = jdbc.inTransaction(tx -> insertNote(tx, author, current, target, note, canonicalIri));
        return get(id);
    }

    /** Stores a note on {@code target} with its "created" history row, inside the caller's transaction; returns its id. */
    private long insertNote(Jdbc tx, User author, EssayRevision current, Target target, NoteInput note, String canonicalIri) {
        Instant now = clock.instant();
        long newId = notes.insert(tx, new AnnotationRepository.NewAnnotation(current.essayId(), null, author.id(), note.kind(),
                note.body(), markdown.toHtml(note.body()), note.tags(), canonicalIri, current.id(), target.quote(),
                target.position().start(), target.position().end(), Anchor.Method.POSITION, now));
        notes.addHistory(tx, newId, author.id(), now, NoteChange.created(note.body(), note.tags(),
                describe(current.revisionNo(), target.position().start(), target.position().end(), target.quote().exact())));
        return newId;
    }

    /**
     * A bare passage (kind ANCHOR) that links and claims point to. {@code via} (if not null) marks
     * where it came from, e.g. a line of the starter content, so that it is made only once.
     */
    public Annotation createAnchor(User author, String slug, PassageInput passage, String via) throws AnnotationException {
        if (via != null) {
            var existing = notes.findByVia(via);
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
            var existing = notes.findByVia(tx, via);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        long id = insertNote(tx, author, essay, target, new NoteInput("", List.of(), Kind.ANCHOR), null);
        if (via != null) {
            notes.setVia(tx, id, via);
        }
        return id;
    }

    public Annotation reply(User author, long parentId, NoteInput note, String canonicalIri) throws AnnotationException {
        Annotation parent = get(parentId);
        if (!parent.visible()) {
            throw new AnnotationException(Reason.CONFLICT, null, "That note has been removed; it takes no new replies.");
        }
        // Threads are one level deep: the page shows replies under notes, so a reply to a reply or to
        // a link's bare far end would be stored and shown nowhere.
        if (parent.isReply()) {
            throw new AnnotationException(Reason.INVALID, "target", "Reply to the note itself: replies to a reply are not shown anywhere.");
        }
        if (parent.kind() == Kind.ANCHOR) {
            throw new AnnotationException(Reason.INVALID, "target", "That is the far end of a link, not a note; reply to the note that carries the link.");
        }
        Instant now = clock.instant();
        long id = jdbc.inTransaction(tx -> {
            long newId = notes.insert(tx, new AnnotationRepository.NewAnnotation(parent.essayId(), parent.id(), author.id(), Kind.COMMENT,
                    note.body(), markdown.toHtml(note.body()), note.tags(), canonicalIri, null, null, null, null, null, now));
            notes.addHistory(tx, newId, author.id(), now, NoteChange.created(note.body(), note.tags(), null));
            return newId;
        });
        return get(id);
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
    public Annotation update(User editor, long id, NoteInput note, PassageInput moveTo, Integer expectedVersion) throws AnnotationException {
        Annotation a = writable(editor, id, expectedVersion);
        int version = expectedVersion != null ? expectedVersion : a.version();
        if (a.kind() == Kind.ANCHOR) {
            throw new AnnotationException(Reason.CONFLICT, null, "This passage is the far end of a link; it has no text of its own to edit.");
        }
        if (moveTo != null && a.isReply()) {
            throw new AnnotationException(Reason.INVALID, "target", "A reply has no passage.");
        }
        EssayRevision current = moveTo == null ? null : essay(a.essaySlug());
        Target target = moveTo == null ? null : resolve(current, moveTo);
        String html = markdown.toHtml(note.body());
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            if (!notes.updateContent(tx, id, version, a.isReply() ? Kind.COMMENT : note.kind(), note.body(), html, now)) {
                throw stale(id);
            }
            notes.setTags(tx, id, note.tags());
            notes.addHistory(tx, id, editor.id(), now, NoteChange.edited(a.body(), note.body(), a.tags(), note.tags()));
            if (target != null) {
                place(tx, editor, a, version + 1, current, target, now);
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
    public void delete(User editor, long id, Integer expectedVersion, java.util.function.Consumer<Jdbc> removeLinks) throws AnnotationException {
        Annotation a = writable(editor, id, expectedVersion);
        int version = expectedVersion != null ? expectedVersion : a.version();
        String blocked = removeLinks == null ? deletionBlocker.apply(id) : null;
        if (blocked != null) {
            throw new AnnotationException(Reason.CONFLICT, null, blocked);
        }
        Instant now = clock.instant();
        jdbc.inTransaction(tx -> {
            if (!notes.markDeleted(tx, id, version, now)) {
                throw stale(id);
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
                throw stale(id);
            }
            notes.addHistory(tx, id, moderator.id(), now, NoteChange.action(hide ? "hidden" : "restored"));
            return null;
        });
        audit.record(moderator.id(), hide ? "note-hidden" : "note-restored", "note " + id, a.author() + " on " + a.essaySlug(), address);
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
            place(tx, editor, a, a.version(), current, target, now);
            return null;
        });
        return get(id);
    }

    private void place(Jdbc tx, User editor, Annotation a, int version, EssayRevision current, Target target, Instant now)
            throws AnnotationException {
        Anchor anchor = new Anchor(Anchor.Method.POSITION, target.position().start(), target.position().end(), 1);
        if (!notes.updateAnchor(tx, a.id(), version, current.id(), anchor, target.quote(), now)) {
            throw stale(a.id());
        }
        notes.addHistory(tx, a.id(), editor.id(), now, NoteChange.passage("reattached", describe(a),
                describe(current.revisionNo(), target.position().start(), target.position().end(), target.quote().exact())));
    }

    private static AnnotationException stale(long id) {
        return new AnnotationException(Reason.STALE, null, "Note " + id + " has changed since you loaded it; nothing was saved. Reload it and try again.");
    }

    /**
     * Carries every note of an essay to its new revision, once, at import. Each note keeps its old
     * selectors in its history; an orphan keeps its quote and waits in the orphan panel.
     */
    public void reanchor(long essayId, long newRevisionId) {
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
            boolean fromMade = a.orphan();
            long sourceId = fromMade ? a.madeOnRevisionId() : a.anchorRevisionId();
            RevisionMapping mapping = mappings.computeIfAbsent(sourceId, rid -> new RevisionMapping(
                    essays.revisionById(rid).orElseThrow().canonicalText().text(), target.canonicalText().text()));
            Target from = fromMade
                    ? new Target(new TextPositionSelector(a.madeStart(), a.madeEnd()), a.made())
                    : new Target(new TextPositionSelector(a.anchor().start(), a.anchor().end()), a.quote());
            Anchor anchor = mapping.carry(from);
            TextQuoteSelector quote = anchor.isOrphan() ? a.quote()
                    : Target.of(mapping.newText(), anchor.start(), anchor.end()).quote();
            String before = describe(a);
            String after = anchor.isOrphan() ? "orphaned (revision " + target.revisionNo() + ")"
                    : describe(target.revisionNo(), anchor.start(), anchor.end(), quote.exact()) + " by " + anchor.method().name().toLowerCase(java.util.Locale.ROOT);
            boolean placed = jdbc.inTransaction(tx -> {
                // Compare-and-set like every other write: if the note changed meanwhile, the carry
                // is skipped and logged; the note keeps its old anchor and is carried at the next revision.
                if (!notes.updateAnchor(tx, a.id(), a.version(), newRevisionId, anchor, quote, now)) {
                    return false;
                }
                notes.addHistory(tx, a.id(), null, now, NoteChange.passage("reanchored", before, after));
                return true;
            });
            if (!placed) {
                log.warn("note {} changed while essay {} was re-anchored; it keeps its previous anchor", a.id(), essayId);
                continue;
            }
            if (anchor.isOrphan()) {
                orphaned++;
            } else {
                moved++;
            }
        }
        log.info("re-anchored notes of essay {} to revision {}: {} placed, {} orphaned", essayId, target.revisionNo(), moved, orphaned);
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
            throw new AnnotationException(Reason.FORBIDDEN, null, "A moderator has hidden this note; it cannot be changed until it is restored.");
        }
        if (expectedVersion != null && expectedVersion != a.version()) {
            throw new AnnotationException(Reason.STALE, null, "The note has changed since you loaded it. Reload it and try again.");
        }
        return a;
    }

    private static String describe(Annotation a) {
        if (a.orphan()) {
            return "orphaned, quote \u201c" + abbreviate(a.quote().exact()) + "\u201d";
        }
        return "position " + a.anchor().start() + ".." + a.anchor().end() + ", \u201c" + abbreviate(a.quote().exact()) + "\u201d";
    }

    private static String describe(int revisionNo, int start, int end, String exact) {
        return "revision " + revisionNo + ", position " + start + ".." + end + ", \u201c" + abbreviate(exact) + "\u201d";
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "\u2026";
    }
}
