package glossa.search;

/**
 * A passage of another essay offered for linking or attaching.
 *
 * @param quote the best-matching sentence of the paragraph, verbatim, ready to be the exact words of a link
 * @param url the paragraph on the reading page
 */
public record Suggestion(
        String essaySlug,
        String essayTitle,
        String author,
        String paragraphId,
        String quote,
        String url,
        float score) {}
