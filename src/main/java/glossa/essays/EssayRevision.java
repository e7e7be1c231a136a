package glossa.essays;

import glossa.anchoring.CanonicalText;
import java.time.Instant;

/**
 * One stored text of an essay with everything a page view needs, rendered at import time.
 *
 * @param revisionNo 1 for the first import of a slug, counting up with each changed file
 * @param html the essay content's HTML, the children of the essay root
 */
public record EssayRevision(
        long id,
        long essayId,
        int revisionNo,
        EssayMeta meta,
        String contentHash,
        String html,
        CanonicalText canonicalText,
        int wordCount,
        Instant importedAt) {

    /** Reading speed used for the estimate shown to readers, in words a minute. */
    static final int WORDS_PER_MINUTE = 230;

    public String slug() {
        return meta.slug();
    }

    /** The import day as readers write it, e.g. "23 November 2026" (UTC). */
    public String importedOn() {
        return glossa.web.Dates.LONG_DAY.format(importedAt);
    }

    /** Whole minutes, at least one. */
    public int readingMinutes() {
        return Math.max(1, (int) Math.ceil(wordCount / (double) WORDS_PER_MINUTE));
    }
}
