package glossa.search;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English analysis for every text field: typographic quotes become straight ones before tokenising
 * (so "women’s" and "women's" are one word), possessives go, words are lower-cased, folded to ASCII
 * ("Tomáš" matches "Tomas"), stop words dropped and Porter-stemmed ("banned" matches "ban").
 * Documents and queries go through the same analyzer, so what is folded when indexing is folded when
 * searching. British {@code -ise} spellings are written {@code -ize} first ({@link BritishSpellingFilter}).
 */
final class SearchAnalyzer extends Analyzer {

    private final boolean stem;

    /** @param stem false for the word list that prefix queries expand against (see {@link Fields#WORDS}) */
    SearchAnalyzer(boolean stem) {
        this.stem = stem;
    }

    /** Curly and low quotes, primes and the like, mapped to their ASCII forms. */
    private static final NormalizeCharMap QUOTES;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String s : new String[] {"\u2018", "\u2019", "\u201A", "\u201B", "\u2032", "\uFF07"}) {
            b.add(s, "'");
        }
        for (String s : new String[] {"\u201C", "\u201D", "\u201E", "\u201F", "\u2033", "\u00AB", "\u00BB"}) {
            b.add(s, "\"");
        }
        QUOTES = b.build();
    }

    static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(QUOTES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stem) {
            stream = new BritishSpellingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** Exact values (kinds, essay slugs) lower-cased and folded, never split or stemmed. */
    static final class Keyword extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /**
     * The analyzer for documents and queries alike: stemmed English text, keywords for {@link Fields#KIND}
     * and {@link Fields#ESSAY_ID}, and unstemmed words for {@link Fields#WORDS}.
     */
    static Analyzer perField() {
        Analyzer keyword = new Keyword();
        return new PerFieldAnalyzerWrapper(
                new SearchAnalyzer(true),
                Map.of(Fields.KIND, keyword, Fields.ESSAY_ID, keyword, Fields.WORDS, new SearchAnalyzer(false)));
    }
}
