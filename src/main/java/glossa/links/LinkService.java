package glossa.links;

import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationService;
import glossa.annotations.PassageInput;
import glossa.anchoring.Target;
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

    public LinkView link(User author, long fromId, String toSlug, PassageInput to, String relationCode, String comment, String starterKey)
            throws AnnotationException {
        Relation relation = Relation.parse(relationCode).orElseThrow(() -> new AnnotationException(422, "relation",
                "Unknown relation \u201c" + relationCode + "\u201d. Choose one of: same-event, agrees-with, disagrees-with, disputes, extends, cites-as-evidence."));
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new AnnotationException(422, "comment", "A link's comment may have at most 10,000 characters.");
        }
        Annotation from = annotations.get(fromId);
        if (!from.visible() || from.isReply() || from.orphan()) {
            throw new AnnotationException(422, null, "Links start from a note on a passage that is in the essay.");
        }
        EssayRevision target = annotations.essay(toSlug);
        Target passage = annotations.resolve(target, to);
        if (target.essayId() == from.essayId() && passage.position().start() < from.anchor().end()
                && passage.position().end() > from.anchor().start()) {
            throw new AnnotationException(422, "exact", "That is the note's own passage: a link joins two different passages.");
        }
        PassageInput exact = new PassageInput(null, passage.position().start(), passage.position().end(), passage.quote().exact(), null, null, null);
        Annotation end = annotations.createAnchor(author, toSlug, exact, starterKey == null ? null : "starter:" + starterKey + ":to");
        long id = jdbc.inTransaction(tx -> links.insert(tx, from.id(), end.id(), relation, text, author.id(), starterKey, clock.instant()));
        return links.find(id).orElseThrow();
    }

    /** Its author or a moderator removes a link (kept, marked deleted). */
    public void unlink(User user, long linkId) throws AnnotationException {
        LinkView link = links.find(linkId).orElseThrow(() -> new AnnotationException(404, null, "There is no link " + linkId + "."));
        if (links.authorOf(link.id()) != user.id() && !user.can(Role.MODERATOR)) {
            throw new AnnotationException(403, null, "Only its author or a moderator can remove this link.");
        }
        links.markDeleted(linkId, clock.instant());
    }

    public boolean starterExists(String key) {
        return links.starterExists(key);
    }
}
