package glossa.anchoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

/**
 * The patience-diff half of {@link TextDiff}: texts cut into lines or word tokens, the items that
 * occur once in each text matched, and the longest in-order run of those matches kept.
 */
final class UniqueMatches {

    private UniqueMatches() {}

    /**
     * The text as one character per token (a run of letters or digits, or any other single character),
     * the tokens listed in {@code tokens}; null if there are too many distinct tokens to encode.
     */
    static String encode(String s, List<String> tokens, Map<String, Character> ids) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int j = i + 1;
            if (Character.isLetterOrDigit(s.charAt(i))) {
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
            }
            String token = s.substring(i, j);
            Character id = ids.get(token);
            if (id == null) {
                int next = ids.size() + 1;
                // Skip the surrogate range so that every id is a character of its own.
                int code = next < Character.MIN_SURROGATE
                        ? next
                        : next + (Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1);
                if (code > Character.MAX_VALUE) {
                    return null;
                }
                id = (char) code;
                ids.put(token, id);
            }
            out.append(id.charValue());
            tokens.add(token);
            i = j;
        }
        return out.toString();
    }

    /** [start, end) of each line, its line break included. */
    static List<int[]> lines(String s) {
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
     * Pairs (index in a, index in b) of items that occur exactly once in each list, reduced to the
     * longest run increasing in both (patience sorting), so they can serve as fixed points of the diff.
     */
    static int[][] uniqueInOrder(List<String> a, List<String> b) {
        Map<String, int[]> seen = new HashMap<>();
        for (int i = 0; i < a.size(); i++) {
            int[] c = seen.computeIfAbsent(a.get(i), k -> new int[] {0, 0, -1, -1});
            c[0]++;
            c[2] = i;
        }
        for (int j = 0; j < b.size(); j++) {
            int[] c = seen.get(b.get(j));
            if (c != null) {
                c[1]++;
                c[3] = j;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            int[] c = seen.get(a.get(i));
            if (c[0] == 1 && c[1] == 1) {
                pairs.add(new int[] {i, c[3]});
            }
        }
        return longestIncreasing(pairs);
    }

    /**
     * The word diff of one gap: words that occur once on each side and in the same order are fixed
     * first, and only the stretches between them diffed. A minimal diff of the whole gap was tried and
     * dropped: when a paragraph moved away next to an edited one, it paired the edited paragraph's
     * spaces and commas with the moved one's and lost the sentence that survived.
     */
    static List<Diff> byUniqueWords(List<String> ta, List<String> tb, String ea, String eb, DiffMatchPatch dmp) {
        List<Diff> out = new ArrayList<>();
        int ia = 0;
        int ib = 0;
        for (int[] anchor : uniqueInOrder(ta, tb)) {
            addDiff(ea.substring(ia, anchor[0]), eb.substring(ib, anchor[1]), dmp, out);
            out.add(new Diff(DiffMatchPatch.Operation.EQUAL, ea.substring(anchor[0], anchor[0] + 1)));
            ia = anchor[0] + 1;
            ib = anchor[1] + 1;
        }
        addDiff(ea.substring(ia), eb.substring(ib), dmp, out);
        // Merge neighbours of the same kind, so that runs of fixed words read as one equality.
        List<Diff> merged = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        DiffMatchPatch.Operation kind = null;
        for (Diff d : out) {
            if (d.operation != kind && kind != null) {
                merged.add(new Diff(kind, run.toString()));
                run.setLength(0);
            }
            kind = d.operation;
            run.append(d.text);
        }
        if (kind != null) {
            merged.add(new Diff(kind, run.toString()));
        }
        return merged;
    }

    static void addDiff(String a, String b, DiffMatchPatch dmp, List<Diff> out) {
        if (a.isEmpty() && b.isEmpty()) {
            return;
        }
        if (a.isEmpty() || b.isEmpty()) {
            out.add(new Diff(
                    a.isEmpty() ? DiffMatchPatch.Operation.INSERT : DiffMatchPatch.Operation.DELETE,
                    a.isEmpty() ? b : a));
            return;
        }
        if (a.equals(b)) {
            out.add(new Diff(DiffMatchPatch.Operation.EQUAL, a));
            return;
        }
        out.addAll(dmp.diffMain(a, b, false));
    }

    /** The longest subsequence of pairs (sorted by their first element) whose second elements increase. */
    static int[][] longestIncreasing(List<int[]> pairs) {
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
