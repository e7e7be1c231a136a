package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.TextQuoteSelector;
import java.time.Instant;
import java.util.List;

/**
 * A note on a passage, or a reply to a note (then {@code parentId} is set and there is no passage).
 *
 * @param madeOnRevisionId the essay revision the reader saw when making the note
 * @param made the passage as first selected, over that revision
 * @param anchorRevisionId the revision the current anchor is over (the essay's newest, once re-anchored)
 * @param anchor where the note stands now, and by which method it was placed
 * @param quote the words under the note now (the quote as made, for an orphan)
 * @param version starts at 1, bumps with every change; the API's ETag
 */
public record Annotation(
        long id,
        long essayId,
        String essaySlug,
        Long parentId,
        long authorId,
        String author,
        Kind kind,
        String body,
        String bodyHtml,
        List<String> tags,
        String canonicalIri,
        Long madeOnRevisionId,
        TextQuoteSelector made,
        Integer madeStart,
        Integer madeEnd,
        Long anchorRevisionId,
        Anchor anchor,
        TextQuoteSelector quote,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        Instant hiddenAt) {

    public boolean isReply() {
        return parentId != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean hidden() {
        return hiddenAt != null;
    }

    public boolean orphan() {
        return !isReply() && (anchor == null || anchor.isOrphan());
    }

    /** Visible to every reader: not deleted, not hidden. */
    public boolean visible() {
        return !deleted() && !hidden();
    }

    /** The same note with {@code tags} (rows are read first, their tags in one query after). */
    Annotation withTags(List<String> tags) {
        return new Annotation(
                id,
                essayId,
                essaySlug,
                parentId,
                authorId,
                author,
                kind,
                body,
                bodyHtml,
                List.copyOf(tags),
                canonicalIri,
                madeOnRevisionId,
                made,
                madeStart,
                madeEnd,
                anchorRevisionId,
                anchor,
                quote,
                version,
                createdAt,
                updatedAt,
                deletedAt,
                hiddenAt);
    }

    /** The ETag of this version: weak, since the JSON may be re-serialised differently. */
    public String etag() {
        return "W/\"" + id + "-" + version + "\"";
    }
}
