package glossa.claims;

/**
 * A passage gathered on a claim, with where it stands now.
 *
 * @param start first code point of the passage in the essay's newest revision, -1 if the passage is gone
 */
public record ClaimPassage(
        long id,
        long claimId,
        String claimSlug,
        String claimTitle,
        long annotationId,
        Stance stance,
        long essayId,
        String essaySlug,
        String quote,
        int start,
        int end) {
    public boolean gone() {
        return start < 0;
    }
}
