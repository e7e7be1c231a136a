package glossa.anchoring;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which characters of an old text survive in a new one, and where, as arrays read in constant time
 * per note. Built in two passes, because a character diff of a whole essay with a moved paragraph
 * took diff-match-patch hundreds of milliseconds: first the lines (paragraphs) that occur once in
 * each text are matched and the longest in-order run of them kept, as patience diff does; then only
 * the gaps between them are diffed character by character. A moved paragraph is then a deletion in
 * one gap and an insertion in another, which {@link RevisionMapping} finds by its quote.
 *
 * <p>Indexes are UTF-16 units of the two (folded) texts.
 */
final class TextDiff {

    /** Per old character: its index in the new text, or -1 when deleted or replaced. */
    private final int[] newOf;
    /** Per old character: how many old characters before it survive (length+1 entries). */
    private final int[] survivedBefore;
    /** Per old character: the next surviving old index at or after it (length when none). */
    private final int[] nextSurvivor;
    /** Per old character: the last surviving old index at or before it (-1 when none). */
    private final int[] previousSurvivor;
    /**
     * Per deleted old character, its change block: the old range deleted [oldFrom, oldTo) and the new
     * range inserted in its place [newFrom, newTo).
     */
    private final int[] oldFrom;
    private final int[] oldTo;
    private final int[] newFrom;
    private final int[] newTo;

    TextDiff(String a, String b, DiffMatchPatch dmp) {
        List<Diff> diffs = diff(a, b, dmp);
        int n = a.length();
        newOf = new int[n];
        oldFrom = new int[n];
        oldTo = new int[n];
        newFrom = new int[n];
        newTo = new int[n];
        int i = 0;
        int j = 0;
        for (int k = 0; k < diffs.size(); ) {
            Diff d = diffs.get(k);
            if (d.operation == DiffMatchPatch.Operation.EQUAL) {
                for (int x = 0; x < d.text.length(); x++) {
                    newOf[i + x] = j + x;
                }
                i += d.text.length();
                j += d.text.length();
                k++;
                continue;
            }
            int deleted = 0;
            int inserted = 0;
            while (k < diffs.size() && diffs.get(k).operation != DiffMatchPatch.Operation.EQUAL) {
                if (diffs.get(k).operation == DiffMatchPatch.Operation.DELETE) {
                    deleted += diffs.get(k).text.length();
                } else {
                    inserted += diffs.get(k).text.length();
                }
                k++;
            }
            for (int x = i; x < i + deleted; x++) {
                newOf[x] = -1;
                oldFrom[x] = i;
                oldTo[x] = i + deleted;
                newFrom[x] = j;
                newTo[x] = j + inserted;
            }
            i += deleted;
            j += inserted;
        }
        survivedBefore = new int[n + 1];
        previousSurvivor = new int[n];
        nextSurvivor = new int[n + 1];
        int last = -1;
        for (int x = 0; x < n; x++) {
            survivedBefore[x + 1] = survivedBefore[x] + (newOf[x] >= 0 ? 1 : 0);
            last = newOf[x] >= 0 ? x : last;
            previousSurvivor[x] = last;
        }
        nextSurvivor[n] = n;
        for (int x = n - 1; x >= 0; x--) {
            nextSurvivor[x] = newOf[x] >= 0 ? x : nextSurvivor[x + 1];
        }
    }

    int newOf(int oldIndex) {
        return newOf[oldIndex];
    }

    boolean survives(int oldIndex) {
        return newOf[oldIndex] >= 0;
    }

    /** How many characters of old range [from, to) survive. */
    int surviving(int from, int to) {
        return survivedBefore[to] - survivedBefore[from];
    }

    /** The first surviving old index in [from, to), or -1. */
    int firstSurvivor(int from, int to) {
        int s = nextSurvivor[from];
        return s < to ? s : -1;
    }

    /** The last surviving old index in [from, to), or -1. */
    int lastSurvivor(int from, int to) {
        int s = previousSurvivor[to - 1];
        return s >= from ? s : -1;
    }

    int blockOldFrom(int deletedIndex) {
        return oldFrom[deletedIndex];
    }

    int blockOldTo(int deletedIndex) {
        return oldTo[deletedIndex];
    }

    int blockNewFrom(int deletedIndex) {
        return newFrom[deletedIndex];
    }

    int blockNewTo(int deletedIndex) {
        return newTo[deletedIndex];
    }

    /** Lines matched first, then the gaps between matched lines diffed by character. */
    private static List<Diff> diff(String a, String b, DiffMatchPatch dmp) {
        List<int[]> la = lines(a);
        List<int[]> lb = lines(b);
        int[][] anchors = uniqueInOrder(a, la, b, lb);
        List<Diff> out = new ArrayList<>();
        int ai = 0;
        int bi = 0;
        for (int[] anchor : anchors) {
            int[] lineA = la.get(anchor[0]);
            int[] lineB = lb.get(anchor[1]);
            gap(a.substring(ai, lineA[0]), b.substring(bi, lineB[0]), dmp, out);
            out.add(new Diff(DiffMatchPatch.Operation.EQUAL, a.substring(lineA[0], lineA[1])));
            ai = lineA[1];
            bi = lineB[1];
        }
        gap(a.substring(ai), b.substring(bi), dmp, out);
        return out;
    }

    private static void gap(String a, String b, DiffMatchPatch dmp, List<Diff> out) {
        if (a.isEmpty() && b.isEmpty()) {
            return;
        }
        if (a.isEmpty() || b.isEmpty()) {
            out.add(new Diff(a.isEmpty() ? DiffMatchPatch.Operation.INSERT : DiffMatchPatch.Operation.DELETE, a.isEmpty() ? b : a));
            return;
        }
        var diffs = dmp.diffMain(a, b, false);
        // Without it, letters two unrelated sentences happen to share would count as surviving.
        dmp.diffCleanupSemantic(diffs);
        out.addAll(diffs);
    }

    /** [start, end) of each line, its line break included. */
    private static List<int[]> lines(String s) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? s.length() : nl + 1;
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    /**
     * Pairs (line of a, line of b) of lines that occur exactly once in each text, reduced to the longest
     * run increasing in both (patience sorting), so they can serve as fixed points of the diff.
     */
    private static int[][] uniqueInOrder(String a, List<int[]> la, String b, List<int[]> lb) {
        Map<String, int[]> seen = new HashMap<>();
        for (int i = 0; i < la.size(); i++) {
            int[] c = seen.computeIfAbsent(a.substring(la.get(i)[0], la.get(i)[1]), k -> new int[] {0, 0, -1, -1});
            c[0]++;
            c[2] = i;
        }
        for (int j = 0; j < lb.size(); j++) {
            int[] c = seen.get(b.substring(lb.get(j)[0], lb.get(j)[1]));
            if (c != null) {
                c[1]++;
                c[3] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < la.size(); i++) {
            int[] c = seen.get(a.substring(la.get(i)[0], la.get(i)[1]));
            if (c[0] == 1 && c[1] == 1) {
                pairs.add(new int[] {i, c[3]});
            }
        }
        return longestIncreasing(pairs);
    }

    /** The longest subsequence of pairs (sorted by their first element) whose second elements increase. */
    private static int[][] longestIncreasing(List<int[]> pairs) {
        int n = pairs.size();
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int value = pairs.get(k)[1];
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (pairs.get(tails[mid])[1] < value) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = k;
            length = Math.max(length, lo + 1);
        }
        int[][] out = new int[length][];
        for (int k = length == 0 ? -1 : tails[length - 1], at = length - 1; k >= 0; k = previous[k], at--) {
            out[at] = pairs.get(k);
        }
        return out;
    }
}
