package glossa.search;

import java.time.Instant;
import java.util.List;

/** What the index is built from, read from the database by {@link SearchSource}. */
final class Rows {

    private Rows() {}

    /**
     * A note or reply. {@code live} is false for deleted and hidden ones (and link ends), which the
     * index must not hold. {@code version} changes with every write to the row.
     */
    record Note(
            long id,
            Long parentId,
            String essaySlug,
            String kind,
            String body,
            String quote,
            String author,
            List<String> tags,
            int version,
            Instant updatedAt,
            boolean live) {}

    /** A claim page at its newest revision; {@code revisionId} grows with every edit. */
    record ClaimRow(String slug, long revisionId, String title, String description, String author) {}

    /** A link between passages; {@code live} is false once deleted. */
    record Link(
            long id,
            String relation,
            String comment,
            String author,
            String fromSlug,
            long fromNoteId,
            String fromQuote,
            String toSlug,
            String toQuote,
            Instant deletedAt,
            boolean live) {}

    /** A passage already gathered on a claim: its essay and words. */
    record Attached(String essaySlug, String quote) {}
}
