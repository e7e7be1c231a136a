package glossa.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a reader types into a Lucene query: words (all required), "quoted phrases", {@code prefix*},
 * {@code -exclusion}, and the filters {@code essay:}, {@code author:}, {@code tag:}, {@code kind:}.
 * A query that does not parse is not an error: it is read again as plain words, with a hint saying so.
 */
final class QueryReader {

    /** Longer queries are cut here: no one types more, and it bounds the work one request can ask for. */
    static final int MAX_LENGTH = 500;

    static final Set<String> FILTERS = Set.of("essay", "author", "tag", "kind");
    static final String SYNTAX = "Search for words, \"a phrase\", prefix*, -word, or filter with essay:, author:, tag: and kind:.";

    private static final Pattern FIELD = Pattern.compile("(?<![\\\\\\w])([\\p{L}\\w]+):");

    /** A parsed query, or none when nothing searchable is left; {@code hint} is plain text or null. */
    record Read(Query query, String hint) {
    }

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Read read(String typed) {
        String text = typed.strip();
        String hint = null;
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
            hint = "Only the first " + MAX_LENGTH + " characters of the query were used.";
        }
        try {
            return new Read(complete(parser().parse(onlyKnownFields(text))), hint);
        } catch (ParseException | RuntimeException e) {
            // Unbalanced quotes or parentheses, a lone operator, a bare filter: read the words alone.
            String words = "The query could not be read as written, so its words were searched for. " + SYNTAX;
            try {
                return new Read(complete(parser().parse(QueryParser.escape(text))), words);
            } catch (ParseException | RuntimeException again) {
                return new Read(null, words);
            }
        }
    }

    private QueryParser parser() {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {Fields.TEXT, Fields.TITLE}, analyzer,
                Map.of(Fields.TEXT, 1.0f, Fields.TITLE, 1.5f));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        parser.setSplitOnWhitespace(true);
        return parser;
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
                BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
                b.clauses().forEach(all::add);
                return all.build();
            }
        }
        return q;
    }
}
