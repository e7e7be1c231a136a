package glossa.anchoring;

/**
 * Where a note stands in one revision, and how it got there.
 *
 * @param start first code point, inclusive (-1 for an orphan)
 * @param end last code point, exclusive (-1 for an orphan)
 * @param score how sure the match is, 0..1 (1 for exact methods)
 */
public record Anchor(Method method, int start, int end, double score) {

    /** How a note was placed, cheapest and surest first. */
    public enum Method {
        /** The position still holds the quoted words. */
        POSITION,
        /** Mapped through the diff between the two texts, and the quote checked there. */
        DIFF,
        /** The quote found word for word elsewhere, chosen by its context and distance. */
        QUOTE,
        /** An approximate match of the quote: "the text changed under this note". */
        FUZZY,
        /** No passage matches well enough; the note waits to be re-attached. */
        ORPHAN
    }

    public static Anchor orphan() {
        return new Anchor(Method.ORPHAN, -1, -1, 0);
    }

    public boolean isOrphan() {
        return method == Method.ORPHAN;
    }

    /** True when the words under the note differ from the words it was made on. */
    public boolean changed() {
        return method == Method.FUZZY;
    }
}
