package glossa.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results for a query.
 *
 * @param query the query as typed (never rendered as markup)
 * @param hint a plain-text explanation when the query could not be read as written, else null
 * @param total every matching document, not just this page
 * @param page 1-based
 * @param groups this page's hits grouped by kind, in the order kinds first appear
 * @param facets for each filter field (kind, essay, author, tag), its values with counts over every match
 */
public record SearchResults(
        String query,
        String hint,
        int total,
        int page,
        int pages,
        List<Group> groups,
        Map<String, List<FacetValue>> facets) {

    public record Group(String kind, String label, List<Hit> hits) {}

    /**
     * One result.
     *
     * @param url opens the passage ({@code /essays/slug#p12} plus a Text Fragment), the note or the claim
     * @param title a heading, a claim's title or the note's passage; may be null
     */
    public record Hit(
            String kind,
            String url,
            String title,
            String essaySlug,
            String essayTitle,
            String author,
            Snippet snippet) {}

    /** @param filter the query text that narrows to this value, e.g. {@code essay:breaking-from-stalinism} */
    public record FacetValue(String value, String label, int count, String filter) {}

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
