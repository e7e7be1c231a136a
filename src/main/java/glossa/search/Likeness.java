package glossa.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/** The queries behind suggestions: what a passage or a claim is like, and the paragraph a quote stands in. */
final class Likeness {

    private Likeness() {}

    /** A MoreLikeThis query over the passages' text for {@code text}: its 30 most telling words of three letters or more. */
    static Query query(IndexSearcher s, Analyzer analyzer, String text) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {Fields.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        return mlt.like(Fields.TEXT, new StringReader(text));
    }

    /** The paragraph of {@code essaySlug} that holds {@code quote}, if the index has one. */
    static Optional<String> paragraphHolding(IndexSearcher s, String essaySlug, String quote) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Documents.PASSAGE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.ESSAY_ID, essaySlug)), BooleanClause.Occur.FILTER)
                .build();
        StoredFields stored = s.storedFields();
        String needle = quote.strip();
        for (ScoreDoc sd : s.search(q, 10_000).scoreDocs) {
            String text = stored.document(sd.doc).get(Fields.TEXT);
            if (text.contains(needle)) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
