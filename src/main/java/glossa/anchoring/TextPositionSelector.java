package glossa.anchoring;

/**
 * The W3C TextPositionSelector over an essay revision's canonical text.
 *
 * @param start first code point, inclusive, 0-based
 * @param end last code point, exclusive; greater than start
 */
public record TextPositionSelector(int start, int end) {
    public TextPositionSelector {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a passage needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }
}
