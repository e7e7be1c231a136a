package glossa.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalTextTest {

    private final CanonicalText text = new CanonicalText(
            "ab😀\ncd",
            List.of(new TextSegment(0, 3, "0/0"), new TextSegment(3, 4, "1"), new TextSegment(4, 6, "2/0")));

    @Test
    void slicesByCodePoints() {
        assertEquals(6, text.length());
        assertEquals("😀", text.slice(2, 3));
        assertEquals("😀\nc", text.slice(2, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> text.slice(4, 7));
    }

    @Test
    void findsTheSegmentOfAnOffset() {
        assertEquals("0/0", text.segmentAt(2).path());
        assertEquals("1", text.segmentAt(3).path());
        assertEquals("2/0", text.segmentAt(5).path());
        assertNull(text.segmentAt(6));
    }

    @Test
    void segmentsMustTileTheText() {
        assertThrows(
                IllegalArgumentException.class, () -> new CanonicalText("abc", List.of(new TextSegment(0, 2, "0"))));
        assertThrows(
                IllegalArgumentException.class, () -> new CanonicalText("abc", List.of(new TextSegment(1, 3, "0"))));
    }
}
