package glossa.anchoring;

import static glossa.anchoring.MappingWeights.MAX_EDGE_WORD;

/**
 * Where the diff ({@link TextDiff}) puts the edges of an old passage in the new folded text, for
 * {@link RevisionMapping}'s third step. Indexes are UTF-16 positions in the folded texts; {@code fs} is a
 * passage's first old character, {@code fe} the one after its last.
 */
final class DiffEdges {

    private final TextDiff diff;

    DiffEdges(TextDiff diff) {
        this.diff = diff;
    }

    /**
     * Where the passage starting at {@code fs} starts now: where that character went; else, when an edit
     * replaced it, the start of the new text if the edit began at the passage, the same offset into a
     * replaced word, or just after the new text.
     */
    int newStart(int fs) {
        if (diff.survives(fs)) {
            return diff.newOf(fs);
        }
        if (diff.blockOldFrom(fs) >= fs) {
            return diff.blockNewFrom(fs);
        }
        return shortBlock(fs)
                ? diff.blockNewFrom(fs)
                        + Math.min(fs - diff.blockOldFrom(fs), diff.blockNewTo(fs) - diff.blockNewFrom(fs))
                : diff.blockNewTo(fs);
    }

    /** Where the passage ending before {@code fe} ends now, the mirror of {@link #newStart}. */
    int newEnd(int fe) {
        if (diff.survives(fe - 1)) {
            return diff.newOf(fe - 1) + 1;
        }
        if (diff.blockOldTo(fe - 1) <= fe) {
            return diff.blockNewTo(fe - 1);
        }
        return shortBlock(fe - 1)
                ? diff.blockNewTo(fe - 1)
                        - Math.min(diff.blockOldTo(fe - 1) - fe, diff.blockNewTo(fe - 1) - diff.blockNewFrom(fe - 1))
                : diff.blockNewFrom(fe - 1);
    }

    /**
     * True when the span's end at the quote's old folded character {@code i} (its first or last) was
     * guessed: the character did not survive and new text stands where it was, so the span either cuts a
     * rewritten sentence or takes in text inserted beside it. Not a guess: a character simply deleted
     * (whole sentences deleted); a single word replaced at the edge (a typo, a respelling, a synonym).
     */
    boolean guessed(int i) {
        if (diff.survives(i) || diff.blockNewTo(i) <= diff.blockNewFrom(i)) {
            return false;
        }
        // New text where the quote's edge was: a rewritten sentence, or one deleted and another
        // inserted in its place. The two look the same, so the cut is a guess unless only a word changed.
        return !shortBlock(i);
    }

    /**
     * True when old folded character {@code i} lies in a replaced block no longer than a word on either
     * side (a typo, a respelling, a synonym): the quote's edge in it is placed at the same offset.
     */
    private boolean shortBlock(int i) {
        return diff.blockOldTo(i) - diff.blockOldFrom(i) <= MAX_EDGE_WORD
                && diff.blockNewTo(i) - diff.blockNewFrom(i) <= MAX_EDGE_WORD;
    }
}
