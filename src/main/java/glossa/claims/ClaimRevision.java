package glossa.claims;

import java.time.Instant;

/** One edit of a claim page; {@code author} is null for the starter content. */
public record ClaimRevision(
        long id, int revisionNo, String title, String description, String summary, String author, Instant at) {

    /** Who made it, as the history shows it. */
    public String by() {
        return author == null ? "starter content" : author;
    }
}
