package glossa.claims;

import java.time.Instant;

/** A claim page at its newest revision. */
public record Claim(
        long id,
        String slug,
        String title,
        String description,
        String descriptionHtml,
        int revisionNo,
        Instant updatedAt) {}
