package glossa.essays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void readsPlainAndQuotedValuesWithTheirLines() throws CorpusException {
        FrontMatter fm = FrontMatter.parse(lines("""
                ---
                slug: an-essay
                title: "Stalinism’s long shadow: a \\"quote\\""
                # a comment line
                author: D. Taylor
                ---
                Body.
                """));
        assertEquals("an-essay", fm.get("slug").orElseThrow());
        assertEquals("Stalinism’s long shadow: a \"quote\"", fm.get("title").orElseThrow());
        assertEquals("D. Taylor", fm.get("author").orElseThrow());
        assertEquals(3, fm.lineOf("title"));
        assertEquals(7, fm.bodyStartLine());
    }

    @Test
    void missingOpeningFenceIsReportedOnLineOne() {
        CorpusException e = assertThrows(CorpusException.class, () -> FrontMatter.parse(lines("title: x\n")));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("'---'"), e.getMessage());
    }

    @Test
    void unclosedFrontMatterIsReported() {
        CorpusException e = assertThrows(
                CorpusException.class, () -> FrontMatter.parse(lines("---\nslug: a\ntitle: b\n\nBody text.\n")));
        assertTrue(e.getMessage().contains("never closed") || e.getMessage().contains("key: value"), e.getMessage());
    }

    @Test
    void aLineThatIsNotKeyValueIsReportedWithItsLine() {
        CorpusException e = assertThrows(
                CorpusException.class, () -> FrontMatter.parse(lines("---\nslug: a\nthis is not yaml\n---\nBody\n")));
        assertEquals(3, e.line());
    }

    @Test
    void unknownAndRepeatedKeysAreRejected() {
        CorpusException unknown =
                assertThrows(CorpusException.class, () -> FrontMatter.parse(lines("---\nslug: a\ncolour: red\n---\n")));
        assertEquals(3, unknown.line());
        assertTrue(unknown.getMessage().contains("colour"));
        CorpusException twice =
                assertThrows(CorpusException.class, () -> FrontMatter.parse(lines("---\ntitle: a\ntitle: b\n---\n")));
        assertEquals(3, twice.line());
    }

    @Test
    void anUnclosedQuoteIsReported() {
        CorpusException e =
                assertThrows(CorpusException.class, () -> FrontMatter.parse(lines("---\ntitle: \"open\n---\n")));
        assertEquals(2, e.line());
    }
}
