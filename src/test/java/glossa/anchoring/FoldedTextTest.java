package glossa.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void foldsQuotesDashesEllipsesSpacesAndCase() {
        assertEquals(
                "he said \"it's over\" - then... no.\nnext",
                new FoldedText("He said \u201cit\u2019s over\u201d \u2014 then\u2026 no. \n  Next").text());
        assertEquals("a-b - c", new FoldedText("a--b \u2013 c").text());
        assertEquals("a b", new FoldedText("a\u00A0 \tb").text());
    }

    @Test
    void mapsPassagesBothWays() {
        String text = "One\u2026  two\u2014three";
        FoldedText f = new FoldedText(text);
        assertEquals("one... two-three", f.text());
        int start = text.indexOf("two");
        int end = start + "two".length();
        assertEquals("two", f.text().substring(f.foldedStart(start), f.foldedEnd(end)));
        // The ellipsis is one character of the original and three folded ones: both ends map back to it.
        int dots = f.text().indexOf("...");
        assertEquals(text.indexOf('\u2026'), f.originalStart(dots + 1));
        assertEquals(text.indexOf('\u2026') + 1, f.originalEnd(dots + 3));
        // A run of spaces folds to one; ending a passage on it takes the whole run.
        assertEquals(text.indexOf("two"), f.originalEnd(f.text().indexOf(" two") + 1));
    }

    @Test
    void keepsSurrogatePairsWhole() {
        String text = "A \uD83D\uDE00 b";
        FoldedText f = new FoldedText(text);
        assertEquals("a \uD83D\uDE00 b", f.text());
        assertEquals(2, f.originalStart(2));
        assertEquals(4, f.originalEnd(4));
    }
}
