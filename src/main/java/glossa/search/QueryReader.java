package glossa.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Reads what a reader types into a Lucene query: words (all required), "quoted phrases", {@code prefix*},
 * {@code -exclusion}, and the filters {@code essay:}, {@code author:}, {@code tag:}, {@code kind:}.
 * A query that does not parse is not an error: it is read again as plain words, with a hint saying so.
 */
final class QueryReader {

    /** Longer queries are cut here: no one types more, and it bounds the work one request can ask for. */
    static final int MAX_LENGTH = 500;

    /** Words one prefix stands for at most: bounds the query a single character and a star can make. */
    static final int MAX_EXPANSIONS = 200;

    static final Set<String> FILTERS = Set.of("essay", "author", "tag", "kind");
    static final String SYNTAX =
            "Search for words, \"a phrase\", prefix*, -word, or filter with essay:, author:, tag: and kind:.";

    private static final Pattern FIELD = Pattern.compile("(?<![\\\\\\w])([\\p{L}\\w]+):");

    /** A parsed query, or none when nothing searchable is left; {@code hint} is plain text or null. */
    record Read(Query query, String hint) {}

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Reads {@code typed} against {@code index}, whose word list expands prefixes. */
    Read read(String typed, IndexReader index) {
        String text = typed.strip();
        String hint = null;
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
            hint = "Only the first " + MAX_LENGTH + " characters of the query were used.";
        }
        try {
            return new Read(complete(parser(index).parse(onlyKnownFields(text))), hint);
        } catch (ParseException | RuntimeException e) {
            // Unbalanced quotes or parentheses, a lone operator, a bare filter: read the words alone.
            String words = "The query could not be read as written, so its words were searched for. " + SYNTAX;
            try {
                return new Read(complete(parser(index).parse(QueryParser.escape(text))), words);
            } catch (ParseException | RuntimeException again) {
                return new Read(null, words);
            }
        }
    }

    private QueryParser parser(IndexReader index) {
        MultiFieldQueryParser parser =
                new MultiFieldQueryParser(
                        new String[] {Fields.TEXT, Fields.TITLE},
                        analyzer,
                        Map.of(Fields.TEXT, 1.0f, Fields.TITLE, 1.5f)) {
                    @Override
                    protected Query getPrefixQuery(String field, String prefix) throws ParseException {
                        if (Fields.TEXT.equals(field) || Fields.TITLE.equals(field)) {
                            return expand(index, field, prefix);
                        }
                        return super.getPrefixQuery(field, prefix);
                    }
                };
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        return parser;
    }

    /**
     * A prefix as the stems of the words it begins, found in the unstemmed {@link Fields#WORDS} list:
     * "recriminalise*" becomes the stem of "recriminalised", which a plain prefix of the stemmed field
     * would miss. Plain terms, so the highlighter marks them like any word.
     */
    private Query expand(IndexReader index, String field, String prefix) {
        try {
            BytesRef start = analyzer.normalize(Fields.WORDS, prefix);
            Terms words = MultiTerms.getTerms(index, Fields.WORDS);
            if (words == null || start.length == 0) {
                return new MatchNoDocsQuery();
            }
            TermsEnum te = words.iterator();
            Set<String> stems = new LinkedHashSet<>();
            if (te.seekCeil(start) != TermsEnum.SeekStatus.END) {
                int seen = 0;
                for (BytesRef t = te.term();
                        t != null && StringHelper.startsWith(t, start) && seen < MAX_EXPANSIONS;
                        t = te.next(), seen++) {
                    stems.add(stem(field, t.utf8ToString()));
                }
            }
            stems.remove("");
            if (stems.isEmpty()) {
                return new MatchNoDocsQuery();
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            stems.forEach(s -> any.add(new TermQuery(new Term(field, s)), BooleanClause.Occur.SHOULD));
            return any.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stem(String field, String word) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : "";
            ts.end();
            return out;
        }
    }

    /** {@code foo:bar} with an unknown field means the words "foo bar", not a search of a field that does not exist. */
    static String onlyKnownFields(String text) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(FILTERS.contains(field) ? field + ":" : field + "\\:"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A query of exclusions alone ({@code -stalin}) means everything except those; an empty one means nothing. */
    private static Query complete(Query q) {
        if (q instanceof BooleanQuery b) {
            if (b.clauses().isEmpty()) {
                return null;
            }
            if (b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
                BooleanQuery.Builder all =
                        new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
                b.clauses().forEach(all::add);
                return all.build();
            }
        }
        return q;
    }
}
