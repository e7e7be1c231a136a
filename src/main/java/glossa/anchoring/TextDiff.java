package glossa.anchoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

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

    /**
     * Replaced runs of words up to this many characters (each side) are diffed by character: a word or
     * two changed. Longer ones are a passage rewritten or a paragraph put in the place of another, where
     * letters in common are chance, not survival.
     */
    private static final int SHORT_REPLACEMENT = 48;
    /**
     * Runs of words the two texts share that are shorter than this, between two replacements, are taken
     * as chance ("the", a space) and folded into the change; next to a plain deletion or insertion they
     * are real. Semantic cleanup was tried first and dropped:
     * it swallowed a whole surviving sentence next to a moved paragraph, because it judges an equality
     * by the size of the changes beside it.
     */
    private static final int MIN_EQUALITY = 12;

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
        List<int[]> la = UniqueMatches.lines(a);
        List<int[]> lb = UniqueMatches.lines(b);
        int[][] anchors = UniqueMatches.uniqueInOrder(
                la.stream().map(l -> a.substring(l[0], l[1])).toList(),
                lb.stream().map(l -> b.substring(l[0], l[1])).toList());
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
            out.add(new Diff(
                    a.isEmpty() ? DiffMatchPatch.Operation.INSERT : DiffMatchPatch.Operation.DELETE,
                    a.isEmpty() ? b : a));
            return;
        }
        // The common start and end, cut back to a word boundary, are equal as they stand.
        int prefix = 0;
        int max = Math.min(a.length(), b.length());
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        while (prefix > 0 && Character.isLetterOrDigit(a.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < max - prefix && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        while (suffix > 0 && Character.isLetterOrDigit(a.charAt(a.length() - suffix))) {
            suffix--;
        }
        if (prefix > 0 || suffix > 0) {
            if (prefix > 0) {
                out.add(new Diff(DiffMatchPatch.Operation.EQUAL, a.substring(0, prefix)));
            }
            gap(a.substring(prefix, a.length() - suffix), b.substring(prefix, b.length() - suffix), dmp, out);
            if (suffix > 0) {
                out.add(new Diff(DiffMatchPatch.Operation.EQUAL, a.substring(a.length() - suffix)));
            }
            return;
        }
        List<String> ta = new ArrayList<>();
        List<String> tb = new ArrayList<>();
        Map<String, Character> ids = new HashMap<>();
        String ea = UniqueMatches.encode(a, ta, ids);
        String eb = UniqueMatches.encode(b, tb, ids);
        if (ea == null || eb == null) {
            characters(a, b, dmp, out);
            return;
        }
        // Words first: a few thousand tokens diff far faster than tens of thousands of characters, and
        // cannot pair stray letters of unrelated sentences. Then short runs of words that differ are
        // diffed by character, so a typo or a respelling keeps the rest of its word.
        byWords(ta, tb, UniqueMatches.byUniqueWords(ta, tb, ea, eb, dmp), dmp, out);
    }

    /** Walks the word diff: shared runs stay equal, replaced runs are flushed (short ones diffed by character). */
    private static void byWords(
            List<String> ta, List<String> tb, List<Diff> words, DiffMatchPatch dmp, List<Diff> out) {
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < words.size(); k++) {
            Diff d = words.get(k);
            int n = d.text.length();
            switch (d.operation) {
                case EQUAL -> {
                    String same = String.join("", ta.subList(ia, ia + n));
                    boolean between = deleted.length() > 0 && inserted.length() > 0 && replacementFollows(words, k + 1);
                    if (between && same.length() < MIN_EQUALITY) {
                        // A word or a space two rewritten passages share by chance: part of the rewrite.
                        deleted.append(same);
                        inserted.append(same);
                    } else {
                        flush(deleted, inserted, dmp, out);
                        out.add(new Diff(DiffMatchPatch.Operation.EQUAL, same));
                    }
                    ia += n;
                    ib += n;
                }
                case DELETE -> {
                    ta.subList(ia, ia + n).forEach(deleted::append);
                    ia += n;
                }
                case INSERT -> {
                    tb.subList(ib, ib + n).forEach(inserted::append);
                    ib += n;
                }
            }
        }
        flush(deleted, inserted, dmp, out);
    }

    /** True when the changes starting at {@code k} (up to the next equality) both delete and insert. */
    private static boolean replacementFollows(List<Diff> words, int k) {
        boolean deletes = false;
        boolean inserts = false;
        for (int i = k; i < words.size() && words.get(i).operation != DiffMatchPatch.Operation.EQUAL; i++) {
            deletes |= words.get(i).operation == DiffMatchPatch.Operation.DELETE;
            inserts |= words.get(i).operation == DiffMatchPatch.Operation.INSERT;
        }
        return deletes && inserts;
    }

    private static void flush(StringBuilder deleted, StringBuilder inserted, DiffMatchPatch dmp, List<Diff> out) {
        String a = deleted.toString();
        String b = inserted.toString();
        deleted.setLength(0);
        inserted.setLength(0);
        if (a.isEmpty() || b.isEmpty() || Math.max(a.length(), b.length()) > SHORT_REPLACEMENT) {
            if (!a.isEmpty()) {
                out.add(new Diff(DiffMatchPatch.Operation.DELETE, a));
            }
            if (!b.isEmpty()) {
                out.add(new Diff(DiffMatchPatch.Operation.INSERT, b));
            }
            return;
        }
        characters(a, b, dmp, out);
    }

    private static void characters(String a, String b, DiffMatchPatch dmp, List<Diff> out) {
        var diffs = dmp.diffMain(a, b, false);
        // Without it, letters two unrelated sentences happen to share would count as surviving.
        dmp.diffCleanupSemantic(diffs);
        out.addAll(diffs);
    }
}
