package glossa.anchoring;

import java.util.LinkedList;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/** Where a quote lies inside a window of text that roughly holds it, and how much of it is there. */
final class Alignment {

    /**
     * @param start first index of the match in the text, inclusive
     * @param end last index, exclusive
     * @param kept characters of the quote found in the match, in order
     * @param quoteStart first index of the quote the match stands for (after its unmatched head)
     * @param quoteEnd last index of the quote it stands for, exclusive (before its unmatched tail)
     */
    record Match(int start, int end, int kept, int quoteStart, int quoteEnd) {}

    /** Longest word replaced at a match's edge that still counts as the quote's own (a typo, a respelling). */
    private static final int MAX_EDGE_WORD = 12;

    private Alignment() {}

    /**
     * How far to widen a match over text that replaced the quote's edge: a word changed there is the
     * quote's, but text beside a deleted stretch is not.
     */
    private static int replacedEdge(int deleted, int inserted) {
        return deleted > 0 && inserted > 0 && deleted <= MAX_EDGE_WORD && inserted <= MAX_EDGE_WORD ? inserted : 0;
    }

    /**
     * Aligns {@code quote} against {@code text[windowStart, windowEnd)}: the match runs from the first to
     * the last stretch the two share, widened over a word that replaced the quote's first or last one.
     * Null when they share nothing.
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
        int quoteStart = -1;
        int quoteEnd = -1;
        int deletedRun = 0;
        int insertedRun = 0;
        for (Diff d : diffs) {
            int len = d.text.length();
            if (d.operation == DiffMatchPatch.Operation.EQUAL) {
                if (start < 0) {
                    int widened = replacedEdge(deletedRun, insertedRun);
                    start = windowStart + p2 - widened;
                    quoteStart = p1 - (widened > 0 ? deletedRun : 0);
                }
                kept += len;
                end = windowStart + p2 + len;
                quoteEnd = p1 + len;
                deletedRun = 0;
                insertedRun = 0;
            } else if (d.operation == DiffMatchPatch.Operation.DELETE) {
                deletedRun += len;
            } else {
                insertedRun += len;
            }
            if (d.operation != DiffMatchPatch.Operation.INSERT) {
                p1 += len;
            }
            if (d.operation != DiffMatchPatch.Operation.DELETE) {
                p2 += len;
            }
        }
        if (end >= 0 && replacedEdge(deletedRun, insertedRun) > 0) {
            end += replacedEdge(deletedRun, insertedRun);
            quoteEnd += deletedRun;
        }
        return start < 0 || end <= start ? null : new Match(start, end, kept, quoteStart, quoteEnd);
    }
}
