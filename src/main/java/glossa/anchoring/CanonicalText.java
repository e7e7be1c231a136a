package glossa.anchoring;

import java.util.List;

/**
 * The canonical text of one essay revision: exactly the characters of the essay's own text, in
 * document order, that annotations point into. Offsets count Unicode code points (as the W3C Web
 * Annotation model does), start inclusive, end exclusive.
 *
 * <p>The rule that produces it, on the server and in the browser alike: concatenate every text node
 * under the essay's root element, except those inside an element carrying the {@code data-nontext}
 * attribute (counters, controls, footnote numbers) or a note card or stack of the margin
 * ({@link #MARGIN_CARDS}: named once here rather than marked on each of a thousand cards).
 *
 * @param text the text itself
 * @param segments one entry per text node that contributes, in order, mapping offsets to the HTML
 */
public record CanonicalText(String text, List<TextSegment> segments) {

    /** The attribute that marks an element whose text is not part of the essay. */
    public static final String NONTEXT_ATTRIBUTE = "data-nontext";
    /** The margin's note cards and stacks, as a CSS selector: never part of the essay's text either. */
    public static final String MARGIN_CARDS = "aside.note, details.note-stack";

    public CanonicalText {
        segments = List.copyOf(segments);
        int expected = 0;
        for (TextSegment s : segments) {
            if (s.start() != expected) {
                throw new IllegalArgumentException("segments must tile the text without gaps at " + expected);
            }
            expected = s.end();
        }
        if (expected != text.codePointCount(0, text.length())) {
            throw new IllegalArgumentException(
                    "segments cover " + expected + " code points, text has " + text.codePointCount(0, text.length()));
        }
    }

    /** Length in code points. */
    public int length() {
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
    }

    /** The text between two code-point offsets. */
    public String slice(int start, int end) {
        if (start < 0 || end < start || end > length()) {
            throw new IndexOutOfBoundsException("slice " + start + ".." + end + " of " + length());
        }
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }

    /** The segment holding code point {@code offset}, or null past the end. Binary search: pages have thousands. */
    public TextSegment segmentAt(int offset) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            TextSegment s = segments.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
