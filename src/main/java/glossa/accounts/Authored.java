package glossa.accounts;

/** A note as a profile lists it: where, on which words ({@code quote} may be null), what it says. */
public record Authored(long id, String essaySlug, String quote, String bodyHtml, java.time.Instant at) {
}
