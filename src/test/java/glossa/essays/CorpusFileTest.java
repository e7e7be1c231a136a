package glossa.essays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CorpusFileTest {

    private static CorpusFile parse(String text) throws CorpusException {
        return CorpusFile.parse(Path.of("x.md"), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesMetadataAndHashesTheBytes() throws CorpusException {
        CorpusFile f = parse("---\nslug: an-essay\ntitle: An essay\ndate: 2019-09-05\n---\n\nText.\n");
        assertEquals("an-essay", f.meta().slug());
        assertEquals("5 September 2019", f.meta().displayDate());
        assertNull(f.meta().author());
        assertEquals(64, f.contentHash().length());
        assertEquals(2, f.slugLine());
    }

    @Test
    void partialDatesAreAllowedAndShownAsPrecisely() throws CorpusException {
        assertEquals(
                "October 2018",
                parse("---\nslug: a\ntitle: A\ndate: 2018-10\n---\nText\n")
                        .meta()
                        .displayDate());
        assertEquals(
                "2021",
                parse("---\nslug: a\ntitle: A\ndate: 2021\n---\nText\n").meta().displayDate());
    }

    @Test
    void noTitleIsRejected() {
        CorpusException e = assertThrows(CorpusException.class, () -> parse("---\nslug: a\nauthor: B\n---\nText\n"));
        assertTrue(e.getMessage().contains("no title"), e.getMessage());
    }

    @Test
    void badSlugAndBadDateAreRejectedOnTheirLines() {
        CorpusException slug =
                assertThrows(CorpusException.class, () -> parse("---\ntitle: A\nslug: Not A Slug\n---\nT\n"));
        assertEquals(3, slug.line());
        CorpusException date =
                assertThrows(CorpusException.class, () -> parse("---\nslug: a\ntitle: A\ndate: 5 Sept\n---\nT\n"));
        assertEquals(4, date.line());
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertThrows(CorpusException.class, () -> parse("---\nslug: a\ntitle: A\n---\n\n"));
    }

    @Test
    void invalidUtf8IsReportedWithTheLineOfTheBadByte() {
        byte[] good = "---\nslug: a\ntitle: A\n---\nLine five\nLine six ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 3];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        bytes[good.length + 1] = 'x';
        bytes[good.length + 2] = '\n';
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusFile.parse(Path.of("bad.md"), bytes));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("UTF-8"));
    }
}
