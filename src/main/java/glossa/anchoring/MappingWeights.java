package glossa.anchoring;

/**
 * The named weights and thresholds by which {@link RevisionMapping} carries a passage to a new
 * revision, each with the trade-off it settles. Lengths are UTF-16 units of the folded texts.
 */
final class MappingWeights {

    private MappingWeights() {}

    /** Folded characters of context compared on each side, as many as a quote selector keeps. */
    static final int CONTEXT = TextQuoteSelector.CONTEXT;
    /** A found quote's context must match this well on at least one side... */
    static final double STRONG_CONTEXT = 0.75;
    /** ...unless the quote is at least this long and occurs once: long repeats are rare. */
    static final int UNIQUE_QUOTE_LENGTH = 32;
    /** The best occurrence of a quote must beat the runner-up by this much, or the choice is a guess. */
    static final double MIN_QUOTE_MARGIN = 0.10;
    /** Weight of closeness to where the diff puts the passage, when telling occurrences apart. */
    static final double DISTANCE_WEIGHT = 0.2;
    /** Characters over which closeness falls from 1 to 0. */
    static final int DISTANCE_SCALE = 4000;
    /** Where the diff puts it, a passage keeping this share of its characters is taken whatever its context... */
    static final double SURE_COVERAGE = 0.8;
    /** ...one keeping this share needs the context on one side to match at least {@link #WEAK_CONTEXT}. */
    static final double MIN_COVERAGE = 0.4;

    static final double WEAK_CONTEXT = 0.5;
    /** Words replaced in place (nothing of the quote left) need both sides of their context this intact. */
    static final double REPLACED_CONTEXT = 0.75;
    /** A span may hold at most this many times the quote's length (plus {@link #SPREAD_SLACK}): text inserted inside. */
    static final int MAX_SPREAD = 3;

    static final int SPREAD_SLACK = 150;
    /** How far outside a replaced block the passage may begin or end and still count as replaced in place. */
    static final int BLOCK_SLACK = 3;
    /** A quote found approximately elsewhere must keep this share of its characters, and be this much quote. */
    static final double MIN_SEED_COVERAGE = 0.75;

    static final double MIN_SEED_PRECISION = 0.75;
    /** Remains of a quote found elsewhere with less than that coverage must be this much quote. */
    static final double REMAINS_PRECISION = 0.9;
    /**
     * Characters of a quote's first and last words compared with the two ends of an approximate span, and
     * how much of them must be there (a letter swapped, a spelling changed still passes). An end that
     * fails must be confirmed by the context beside it instead, or the span is refused: a span that
     * stops inside a rewritten sentence or runs into an inserted one is a cut or a widening, not the note.
     */
    static final int EDGE = 8;

    static final double EDGE_MATCH = 0.75;
    /** Longest word replaced at a quote's edge that is still the quote's own (as in {@link Alignment}). */
    static final int MAX_EDGE_WORD = 12;
    /** Characters of a quote's cut-off part looked for beside the cut. */
    static final int NEARBY = 16;

    /** Closeness of {@code at} to {@code expected}: 1 there, falling to 0 over {@link #DISTANCE_SCALE} characters. */
    static double closeness(int at, int expected) {
        return Math.max(0, 1 - Math.abs(at - expected) / (double) DISTANCE_SCALE);
    }
}
