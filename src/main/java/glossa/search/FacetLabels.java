package glossa.search;

import glossa.essays.EssayCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The facet counts of a search as its page lists them: kinds by name, essays by title, authors and tags as they are. */
final class FacetLabels {

    /** What each kind of document is called on the page. */
    static final Map<String, String> KINDS = Map.of(
            Documents.PASSAGE,
            "Passages",
            Documents.NOTE,
            "Notes",
            Documents.REPLY,
            "Replies",
            Documents.CLAIM,
            "Claims",
            Documents.LINK,
            "Links");

    private final EssayCatalog catalog;

    FacetLabels(EssayCatalog catalog) {
        this.catalog = catalog;
    }

    /** Each facet's ten commonest values, labelled, each with the filter that narrows the search to it. */
    Map<String, List<SearchResults.FacetValue>> label(Map<String, Map<String, Integer>> counts) {
        Map<String, List<SearchResults.FacetValue>> out = new LinkedHashMap<>();
        out.put("kind", values(counts.get(Fields.KIND), v -> KINDS.getOrDefault(v, v), v -> "kind:" + v));
        out.put(
                "essay",
                values(
                        counts.get(Fields.ESSAY_ID),
                        v -> catalog.summary(v).map(e -> e.meta().title()).orElse(v),
                        v -> "essay:" + v));
        out.put(
                "author",
                values(counts.get(Fields.AUTHOR_FACET), v -> v, v -> "author:\"" + v.replace("\"", "") + "\""));
        out.put("tag", values(counts.get(Fields.TAG_FACET), v -> v, v -> "tag:\"" + v.replace("\"", "") + "\""));
        return out;
    }

    private static List<SearchResults.FacetValue> values(
            Map<String, Integer> counts, UnaryOperator<String> label, UnaryOperator<String> filter) {
        if (counts == null) {
            return List.of();
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .map(e -> new SearchResults.FacetValue(
                        e.getKey(), label.apply(e.getKey()), e.getValue(), filter.apply(e.getKey())))
                .toList();
    }
}
