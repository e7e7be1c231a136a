package glossa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class SearchAnalyzerTest {

    private final Analyzer analyzer = SearchAnalyzer.perField();

    private List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void diacriticsFoldToAscii() {
        assertEquals(terms(Fields.TEXT, "Tomas Tengely-Evans"), terms(Fields.TEXT, "Tomáš Tengely-Evans"));
        assertEquals(terms(Fields.TEXT, "tomas"), terms(Fields.TEXT, "TOMÁŠ"));
        assertEquals(terms(Fields.TEXT, "Lenin Trotsky"), terms(Fields.TEXT, "Lénin Trótsky"));
    }

    @Test
    void wordsAreStemmedSoInflectionsMeet() {
        assertEquals(terms(Fields.TEXT, "ban"), terms(Fields.TEXT, "banned"));
        assertEquals(terms(Fields.TEXT, "revolution"), terms(Fields.TEXT, "revolutions"));
        assertEquals(terms(Fields.TEXT, "criminalize"), terms(Fields.TEXT, "criminalized"));
    }

    @Test
    void curlyAndStraightQuotesAndPossessivesAreOne() {
        assertEquals(List.of("women", "deleg"), terms(Fields.TEXT, "women’s delegates"));
        assertEquals(terms(Fields.TEXT, "women's delegates"), terms(Fields.TEXT, "women’s delegates"));
        assertEquals(terms(Fields.TEXT, "don't"), terms(Fields.TEXT, "don’t"));
        assertEquals(terms(Fields.TEXT, "\"Stalinism\""), terms(Fields.TEXT, "“Stalinism”"));
        assertEquals(List.of("stalin", "long", "shadow"), terms(Fields.TEXT, "Stalinism’s long shadow"));
    }

    @Test
    void stopWordsGoButPhrasesKeepTheirGaps() {
        assertEquals(List.of("show", "trial"), terms(Fields.TEXT, "the show trials"));
        assertFalse(terms(Fields.TEXT, "The Revolution Betrayed").contains("the"));
    }

    @Test
    void offsetsPointIntoTheOriginalTextSoSnippetsMarkTheRightWords() throws IOException {
        String text = "“Tomáš’s” book";
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            ts.incrementToken();
            assertEquals("Tomáš’s", text.substring(offset.startOffset(), offset.endOffset()));
            ts.end();
        }
    }

    @Test
    void kindsAndSlugsAreKeywords() {
        assertEquals(List.of("passage"), terms(Fields.KIND, "Passage"));
        assertEquals(List.of("breaking-from-stalinism"), terms(Fields.ESSAY_ID, "breaking-from-stalinism"));
    }
}
