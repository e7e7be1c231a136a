package glossa.links;

import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.anchoring.Target;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationService;
import glossa.annotations.PassageInput;
import glossa.errors.Reason;
import glossa.essays.EssayRevision;
import glossa.storage.Jdbc;
import java.time.Clock;

/**
 * The rules of links: from a note's passage to a passage of another essay, with a relation and an
 * optional comment. The far end becomes a bare passage (an ANCHOR annotation), anchored and carried
 * across revisions like any note.
 */
public final class LinkService {

    public static final int MAX_COMMENT = 10_000;

    private final Jdbc jdbc;
    private final LinkRepository links;
    private final AnnotationService annotations;
    private final Clock clock;

    public LinkService(Jdbc jdbc, LinkRepository links, AnnotationService annotations, Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.annotations = annotations;
        this.clock = clock;
    }

    public LinkView link(
            User author,
            long fromId,
            String toSlug,
            PassageInput to,
            String relationCode,
            String comment,
            String starterKey)
            throws AnnotationException {
        Relation relation = Relation.parse(relationCode)
                .orElseThrow(
                        () -> new AnnotationException(
                                Reason.INVALID,
                                "relation",
                                "Unknown relation \u201c" + relationCode
                                        + "\u201d. Choose one of: same-event, agrees-with, disagrees-with, disputes, extends, cites-as-evidence."));
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new AnnotationException(
                    Reason.INVALID, "comment", "A link's comment may have at most 10,000 characters.");
        }
        Annotation from = annotations.get(fromId);
        if (!from.visible() || from.isReply() || from.orphan()) {
            throw new AnnotationException(
                    Reason.INVALID, null, "Links start from a note on a passage that is in the essay.");
        }
        if (from.authorId() != author.id() && !author.can(Role.MODERATOR)) {
            // Otherwise anyone could hang links on someone else's note and so stop its author deleting it.
            throw new AnnotationException(
                    Reason.FORBIDDEN, null, "Only the note's author or a moderator can link from this note.");
        }
        EssayRevision target = annotations.essay(toSlug);
        Target passage = annotations.resolve(target, to);
        if (target.essayId() == from.essayId()
                && passage.position().start() < from.anchor().end()
                && passage.position().end() > from.anchor().start()) {
            throw new AnnotationException(
                    Reason.INVALID, "exact", "That is the note's own passage: a link joins two different passages.");
        }
        String via = starterKey == null ? null : "starter:" + starterKey + ":to";
        // The far end and the link are one write: a refused link leaves no stray anchor behind.
        long id = jdbc.inTransaction(tx -> {
            long endId = annotations.createAnchor(tx, author, target, passage, via);
            long newId = links.insert(tx, from.id(), endId, relation, text, author.id(), starterKey, clock.instant());
            annotations.recordChange(
                    tx,
                    from.id(),
                    author,
                    "linked",
                    describe(newId, relation, toSlug, passage.quote().exact()));
            return newId;
        });
        return links.find(id).orElseThrow();
    }

    /** Its author or a moderator removes a link (kept, marked deleted); both ends' histories record it. */
    public void unlink(User user, long linkId) throws AnnotationException {
        LinkView link = links.find(linkId)
                .orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + linkId + "."));
        if (!mayRemove(user, link)) {
            throw new AnnotationException(
                    Reason.FORBIDDEN, null, "Only its author or a moderator can remove this link.");
        }
        jdbc.inTransaction(tx -> {
            remove(tx, user, link);
            return null;
        });
    }

    /** May this user remove this link: its author or a moderator. */
    public boolean mayRemove(User user, LinkView link) {
        return user != null && (links.authorOf(link.id()) == user.id() || user.can(Role.MODERATOR));
    }

    /**
     * Removes, inside the caller's transaction, every link a note carries: the step that deletes the
     * note. Its author may do so even for links others made from it (before only authors could link).
     */
    public void removeAllOf(Jdbc tx, User user, long annotationId) {
        for (LinkView link : links.touching(annotationId)) {
            remove(tx, user, link);
        }
    }

    private void remove(Jdbc tx, User user, LinkView link) {
        links.markDeleted(tx, link.id(), clock.instant());
        String detail = describe(link.id(), link.relation(), link.otherSlug(), link.otherQuote());
        annotations.recordChange(tx, link.hereId(), user, "link removed", detail);
        annotations.recordChange(tx, link.otherId(), user, "link removed", detail);
    }

    private static String describe(long linkId, Relation relation, String slug, String quote) {
        String q = quote == null ? "" : quote.strip();
        return "link " + linkId + ": " + relation.label() + " \u201c"
                + (q.length() > 80 ? q.substring(0, 77) + "\u2026" : q) + "\u201d in " + slug;
    }

    public boolean starterExists(String key) {
        return links.starterExists(key);
    }
}
