package glossa.tags;

import java.time.Instant;
import java.util.List;

/**
 * A visible note as a tag page lists it.
 *
 * @param quote the words it stands on now
 * @param bodyHtml sanitized HTML, ready for the page
 */
public record TaggedNote(
        long id, String essaySlug, String author, String quote, String bodyHtml, Instant at, List<String> tags) {

    /** The note in its essay. */
    public String href() {
        return "/essays/" + essaySlug + "#a-" + id;
    }
}
