package glossa.anchoring;

/**
 * One text node of the rendered essay and the span of canonical text it holds.
 *
 * @param start first code point, inclusive
 * @param end last code point, exclusive
 * @param path child indexes from the essay root to the text node, joined by '/', e.g. "4/0/2"
 */
public record TextSegment(int start, int end, String path) {
    public TextSegment {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad segment " + start + ".." + end);
        }
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a segment needs a path");
        }
    }
}
