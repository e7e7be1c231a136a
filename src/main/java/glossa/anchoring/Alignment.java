package glossa.anchoring;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

import java.util.LinkedList;

/** Where a quote lies inside a window of text that roughly holds it, and how much of it is there. */
final class Alignment {

    /**
     * @param start first index of the match in the text, inclusive
     * @param end last index, exclusive
     * @param kept characters of the quote found in the match, in order
     */
    record Match(int start, int end, int kept) {
    }

    private Alignment() {
    }

    /**
     * Aligns {@code quote} against {@code text[windowStart, windowEnd)}: the match runs from the first to
     * the last stretch the two share, widened by quote characters replaced just outside them (a letter
     * changed at the passage's edge). Null when they share nothing.
     */
    static Match align(DiffMatchPatch dmp, String quote, String text, int windowStart, int windowEnd) {
        if (windowEnd <= windowStart) {
            return null;
        }
        LinkedList<Diff> diffs = dmp.diffMain(quote, text.substring(windowStart, windowEnd), false);
        // Without it, stray letters unrelated text happens to share would count as kept.
        dmp.diffCleanupSemantic(diffs);
        int p1 = 0;
        int p2 = 0;
        int start = -1;
        int end = -1;
        int kept = 0;
        for (Diff d : diffs) {
            int len = d.text.length();
            if (d.operation == DiffMatchPatch.Operation.EQUAL) {
                if (start < 0) {
                    start = windowStart + Math.max(0, p2 - p1);
                }
                kept += len;
                end = windowStart + p2 + len + Math.min(quote.length() - p1 - len, windowEnd - windowStart - p2 - len);
            }
            if (d.operation != DiffMatchPatch.Operation.INSERT) {
                p1 += len;
            }
            if (d.operation != DiffMatchPatch.Operation.DELETE) {
                p2 += len;
            }
        }
        return start < 0 || end <= start ? null : new Match(start, end, kept);
    }
}
