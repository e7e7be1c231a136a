package glossa.search;

import glossa.essays.EssayCatalog;
import glossa.essays.EssayRepository;
import glossa.storage.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Search over everything readers can see: the query page, passages suggested for linking and unlinked
 * mentions of a claim. Owns the index and its {@link Indexer}; built once by the application and
 * closed with it.
 */
public final class SearchService implements AutoCloseable {

    /** Results on one page. */
    static final int PAGE_SIZE = 20;
    /** Deepest page served: a bound on the work one request can ask for. */
    static final int MAX_PAGE = 50;
    /** Passages shown as suggestions. */
    public static final int SUGGESTIONS = 5;
    /** At most this many suggestions from one essay, so that one long essay does not crowd out the other accounts. */
    static final int PER_ESSAY = 2;

    private final Analyzer analyzer = SearchAnalyzer.perField();
    private final SearchIndex index;
    private final Indexer indexer;
    private final SearchSource source;
    private final QueryReader reader = new QueryReader(analyzer);
    private final UnifiedHighlighter highlighter;
    private final FacetLabels facetLabels;

    private SearchService(SearchIndex index, Indexer indexer, SearchSource source, EssayCatalog catalog) {
        this.index = index;
        this.indexer = indexer;
        this.source = source;
        this.facetLabels = new FacetLabels(catalog);
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new Snippet.Formatter())
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .build();
    }

    /**
     * Opens (or builds) the index in {@code dir} and starts following the database.
     *
     * @param database names the database the index mirrors (its JDBC URL): an index made from another is rebuilt
     * @param clock the clock that stamps rows' {@code updated_at}, which bounds the indexer's window
     */
    public static SearchService start(
            Path dir, String database, Jdbc jdbc, EssayRepository essays, EssayCatalog catalog, Clock clock) {
        SearchSource source = new SearchSource(jdbc);
        SearchIndex index = SearchIndex.open(dir, database, SearchAnalyzer.perField());
        Indexer indexer = new Indexer(index, source, essays, new Documents(catalog::summary), database, clock);
        try {
            indexer.start();
        } catch (IOException | RuntimeException e) {
            try {
                index.close();
            } catch (IOException ignored) {
                // Already failing; the first error is the one to report.
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new SearchService(index, indexer, source, catalog);
    }

    /** Rebuilds the whole index from the database (the {@code reindex} command). */
    public void rebuild() {
        try {
            indexer.rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies pending changes now instead of waiting for the next poll; true when anything changed. */
    public boolean catchUp() {
        try {
            return indexer.poll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long sizeOnDisk() {
        try {
            return index.sizeOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of results for what a reader typed; never throws for any input. */
    public SearchResults search(String typed, int page) {
        String q = typed == null ? "" : typed;
        int p = Math.max(1, Math.min(MAX_PAGE, page));
        if (q.isBlank()) {
            return new SearchResults(q, null, 0, 1, 0, List.of(), Map.of());
        }
        try {
            return withSearcher(s -> {
                QueryReader.Read read = reader.read(q, s.getIndexReader());
                if (read.query() == null) {
                    return new SearchResults(q, read.hint(), 0, 1, 0, List.of(), Map.of());
                }
                return run(s, q, read, p);
            });
        } catch (IndexSearcher.TooManyClauses | IllegalArgumentException e) {
            // Lucene refuses some parsed queries only when running them (too many terms, a bad range): a hint, not an
            // error.
            return new SearchResults(
                    q,
                    "The query asks for too much at once; try fewer words or prefixes. " + QueryReader.SYNTAX,
                    0,
                    1,
                    0,
                    List.of(),
                    Map.of());
        }
    }

    private SearchResults run(IndexSearcher s, String q, QueryReader.Read read, int page) throws IOException {
        Map<String, Map<String, Integer>> counts = s.search(read.query(), new FacetCounts());
        int total = counts.getOrDefault(Fields.KIND, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        TopDocs top = s.search(read.query(), page * PAGE_SIZE);
        Map<String, List<SearchResults.Hit>> grouped = new LinkedHashMap<>();
        StoredFields stored = s.storedFields();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = (page - 1) * PAGE_SIZE; i < docs.length; i++) {
            Document d = stored.document(docs[i].doc);
            SearchResults.Hit hit = hit(d, read.query());
            grouped.computeIfAbsent(hit.kind(), k -> new ArrayList<>()).add(hit);
        }
        List<SearchResults.Group> groups = grouped.entrySet().stream()
                .map(e -> new SearchResults.Group(
                        e.getKey(), FacetLabels.KINDS.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
        int pages = Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new SearchResults(q, read.hint(), total, page, pages, groups, facetLabels.label(counts));
    }

    private SearchResults.Hit hit(Document d, Query query) throws IOException {
        String kind = d.get(Fields.KIND);
        Snippet snippet = snippet(query, d.get(Fields.TEXT));
        String url = d.get(Fields.URL);
        if (Documents.PASSAGE.equals(kind)) {
            url += TextFragment.directive(snippet.best());
        }
        String title = d.get(Fields.TITLE) != null ? d.get(Fields.TITLE) : d.get(Fields.LABEL);
        return new SearchResults.Hit(
                kind,
                url,
                title,
                d.get(Fields.ESSAY_ID),
                d.get(Fields.ESSAY_TITLE),
                d.get(Fields.AUTHOR_NAME),
                snippet);
    }

    private Snippet snippet(Query query, String text) throws IOException {
        if (text == null || text.isEmpty()) {
            return new Snippet("", "");
        }
        Object formatted = highlighter.highlightWithoutSearcher(Fields.TEXT, query, text, 2);
        return formatted instanceof Snippet s && !s.html().isEmpty() ? s : Snippet.plain(text, 300);
    }

    /**
     * The passages of other essays most like a passage of {@code essaySlug}: MoreLikeThis over the
     * paragraph the quote stands in, with the quote's own words counted three times more, and at most
     * {@link #PER_ESSAY} from one essay.
     */
    public List<Suggestion> suggestPassages(String essaySlug, String quote) {
        if (quote == null || quote.isBlank()) {
            return List.of();
        }
        return withSearcher(s -> {
            String paragraph = Likeness.paragraphHolding(s, essaySlug, quote).orElse("");
            Query like = Likeness.query(s, analyzer, paragraph + "\n" + quote + "\n" + quote + "\n" + quote);
            return passagesLike(s, like, essaySlug, List.of());
        });
    }

    /** Passages that match a claim's title and description but are not yet gathered on it. */
    public List<Suggestion> unlinkedMentions(String claimSlug) {
        return withSearcher(s -> {
            TopDocs found = s.search(new TermQuery(new Term(Fields.ID, Documents.claimId(claimSlug))), 1);
            if (found.scoreDocs.length == 0) {
                return List.of();
            }
            Document claim = s.storedFields().document(found.scoreDocs[0].doc);
            String title = claim.get(Fields.TITLE);
            Query like = Likeness.query(s, analyzer, title + "\n" + title + "\n" + claim.get(Fields.TEXT));
            return passagesLike(s, like, null, source.attached(claimSlug));
        });
    }

    private List<Suggestion> passagesLike(
            IndexSearcher s, Query like, String excludeEssay, List<Rows.Attached> attached) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Documents.PASSAGE)), BooleanClause.Occur.FILTER);
        if (excludeEssay != null) {
            b.add(new TermQuery(new Term(Fields.ESSAY_ID, excludeEssay)), BooleanClause.Occur.MUST_NOT);
        }
        Query q = b.build();
        TopDocs top = s.search(q, SUGGESTIONS * 4 + attached.size() * 2);
        List<Suggestion> out = new ArrayList<>();
        Map<String, Integer> perEssay = new java.util.HashMap<>();
        StoredFields stored = s.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            String slug = d.get(Fields.ESSAY_ID);
            String text = d.get(Fields.TEXT);
            if (attached.stream()
                            .anyMatch(a -> a.essaySlug().equals(slug) && a.quote() != null && text.contains(a.quote()))
                    || perEssay.merge(slug, 1, Integer::sum) > PER_ESSAY) {
                continue;
            }
            Snippet snippet = snippet(like, text);
            String quote = snippet.best().isEmpty() ? text : snippet.best();
            out.add(new Suggestion(
                    slug,
                    d.get(Fields.ESSAY_TITLE),
                    d.get(Fields.AUTHOR_NAME),
                    d.get(Fields.PARAGRAPH),
                    quote,
                    d.get(Fields.URL) + TextFragment.directive(quote),
                    sd.score));
            if (out.size() == SUGGESTIONS) {
                break;
            }
        }
        return out;
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher s = index.acquire();
            try {
                return work.apply(s);
            } finally {
                index.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            indexer.close();
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
