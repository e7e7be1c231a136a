package glossa.accounts;

/**
 * A note, reply or link as a profile lists it.
 *
 * @param kind note, reply or link
 * @param quote the words of the passage it is on
 * @param text the start of what it says (plain text)
 */
public record Contribution(
        String kind, String href, String essaySlug, String quote, String text, java.time.Instant at) {}
