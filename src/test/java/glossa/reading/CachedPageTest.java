package glossa.reading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A cached page cut at the reader's places, and put back together per reader, plain and as gzip. */
class CachedPageTest {

    private static final String NAV = "<!--nav-x-->";
    private static final String TOKEN = "csrf-x";

    @Test
    void aPageWithoutSlotsIsKeptWholeWithItsCompressedForms() throws IOException {
        String html = "<p>" + "words ".repeat(2000) + "</p>";
        CachedPage page = CachedPage.of(html, NAV, TOKEN);
        assertEquals(List.of(), page.slots());
        assertArrayEquals(html.getBytes(StandardCharsets.UTF_8), gunzip(page.gzip()));
        assertNotNull(page.parts().get(0));
    }

    @Test
    void eachReaderGetsTheirOwnMenuAndTokenSplicedIntoTheSameParts() throws IOException {
        String html = "<header>" + NAV + "</header><form><input name=_csrf value=\"" + TOKEN + "\"></form>"
                + "<article>" + "text ".repeat(5000) + "</article><div data-csrf=\"" + TOKEN + "\"></div>";
        CachedPage page = CachedPage.of(html, NAV, TOKEN);
        assertEquals(List.of(CachedPage.Slot.ACCOUNT, CachedPage.Slot.CSRF, CachedPage.Slot.CSRF), page.slots());
        assertNull(page.gzip(), "a page with slots is not kept as one compressed whole");
        for (String reader : new String[] {"Anna", "Boris"}) {
            List<byte[]> fills =
                    List.of(bytes("<nav>" + reader + "</nav>"), bytes("token-" + reader), bytes("token-" + reader));
            String expected = html.replace(NAV, "<nav>" + reader + "</nav>").replace(TOKEN, "token-" + reader);
            assertEquals(expected, new String(page.plain(fills), StandardCharsets.UTF_8));
            assertEquals(
                    expected,
                    new String(gunzip(page.gzip(fills)), StandardCharsets.UTF_8),
                    "gzip made of pieces is one valid stream");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
