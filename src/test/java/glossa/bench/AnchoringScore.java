package glossa.bench;

import glossa.anchoring.Anchor;
import glossa.anchoring.CodePointText;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grades carried notes against where their characters really went ({@link EditedText}). The rules,
 * stated once so that the figures mean what they say:
 *
 * <ul>
 *   <li><b>correct</b>: the passage's words are still in the text (equal after folding typographic
 *       variants: quote marks, dashes, ellipses, runs of spaces, case) and the note lands exactly on them,
 *       not marked changed;</li>
 *       An anchor on the quote's very words that overlaps the true span by {@link #APPROXIMATE_IOU} also
 *       counts: when a deletion sits next to an identical run of words, which copy went is a convention
 *       of the edit script, not a fact;</li>
 *   <li><b>approximate</b>: the note is marked "the text changed under this note" and covers the true span
 *       (overlap of at least {@link #APPROXIMATE_IOU}, intersection over union). The best outcome possible
 *       when the words did change; a needless one when they did not;</li>
 *   <li><b>wrong</b>: anything else that is placed: elsewhere, cut short or widened without saying so,
 *       or marked changed but off its true span;</li>
 *   <li><b>orphaned</b>: not placed although at least half of its letters survive;</li>
 *   <li><b>mostly deleted</b>: less than half of its letters survive: an orphan or an approximate anchor
 *       are both acceptable, counted aside;</li>
 *   <li><b>deleted</b>: none of its letters survives: must be orphaned;</li>
 *   <li><b>split</b>: its surviving pieces lie far apart (a paragraph moved out of its middle): no single
 *       true place, counted aside.</li>
 * </ul>
 */
final class AnchoringScore {

    static final double APPROXIMATE_IOU = 0.8;

    enum Outcome {
        CORRECT,
        APPROXIMATE,
        WRONG,
        ORPHANED,
        MOSTLY_DELETED_ORPHANED,
        MOSTLY_DELETED_PLACED,
        MOSTLY_DELETED_WRONG,
        DELETED_ORPHANED,
        DELETED_ANCHORED,
        SPLIT
    }

    /** Counts of each outcome, plus how many placeable passages kept their words intact. */
    static final class Tally {
        final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        final Map<Anchor.Method, Integer> methods = new EnumMap<>(Anchor.Method.class);
        final List<String> failures = new ArrayList<>();
        int intact;

        int get(Outcome o) {
            return counts.getOrDefault(o, 0);
        }

        /** Passages with one true place: neither (mostly) deleted nor split. */
        int placeable() {
            return get(Outcome.CORRECT) + get(Outcome.APPROXIMATE) + get(Outcome.WRONG) + get(Outcome.ORPHANED);
        }

        int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        void add(Tally other) {
            other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
            other.methods.forEach((k, v) -> methods.merge(k, v, Integer::sum));
            intact += other.intact;
            failures.addAll(other.failures);
        }

        double share(Outcome o) {
            return placeable() == 0 ? 0 : get(o) / (double) placeable();
        }

        /** Correct plus approximate: on the right words, whether or not they changed. */
        double onTheRightWords() {
            return placeable() == 0 ? 0 : (get(Outcome.CORRECT) + get(Outcome.APPROXIMATE)) / (double) placeable();
        }
    }

    /** Carries every passage of {@code original} across {@code edits} and grades each. */
    static Tally grade(String original, List<Edit> edits, List<int[]> passages) {
        EditedText edited = EditedText.apply(original, edits);
        RevisionMapping mapping = new RevisionMapping(original, edited.text());
        CodePointText old = new CodePointText(original);
        CodePointText now = mapping.newText();
        Tally tally = new Tally();
        for (int[] p : passages) {
            Anchor a = mapping.carry(Target.of(old, old.toCodePoint(p[0]), old.toCodePoint(p[1])));
            tally.methods.merge(a.method(), 1, Integer::sum);
            EditedText.Truth truth = edited.whereNow(p[0], p[1]);
            int as = a.isOrphan() ? -1 : now.toChar(a.start());
            int ae = a.isOrphan() ? -1 : now.toChar(a.end());
            boolean intact = !truth.isGone()
                    && !truth.split()
                    && fold(edited.substring(truth.start(), truth.end())).equals(fold(original.substring(p[0], p[1])));
            boolean sameWords =
                    !a.isOrphan() && fold(now.text().substring(as, ae)).equals(fold(original.substring(p[0], p[1])));
            Outcome o = classify(truth, a, as, ae, intact, sameWords);
            if (intact && truth.survival() >= 0.5) {
                tally.intact++;
            }
            tally.counts.merge(o, 1, Integer::sum);
            if (o == Outcome.WRONG
                    || o == Outcome.ORPHANED
                    || o == Outcome.DELETED_ANCHORED
                    || o == Outcome.MOSTLY_DELETED_WRONG) {
                tally.failures.add(o + " " + a.method() + (intact ? " (words intact)" : "")
                        + "\n    old: " + show(original.substring(p[0], p[1]))
                        + "\n    new: " + (truth.isGone() ? "-" : show(edited.substring(truth.start(), truth.end())))
                        + "\n    got: " + (a.isOrphan() ? "-" : show(now.text().substring(as, ae))));
            }
        }
        return tally;
    }

    static Outcome classify(EditedText.Truth truth, Anchor a, int as, int ae, boolean intact, boolean sameWordsBeside) {
        if (truth.isGone()) {
            return a.isOrphan() ? Outcome.DELETED_ORPHANED : Outcome.DELETED_ANCHORED;
        }
        if (truth.split()) {
            return Outcome.SPLIT;
        }
        boolean exactSpan = as == truth.start() && ae == truth.end();
        boolean approximate =
                !a.isOrphan() && a.changed() && iou(as, ae, truth.start(), truth.end()) >= APPROXIMATE_IOU;
        if (truth.survival() < 0.5) {
            if (a.isOrphan()) {
                return Outcome.MOSTLY_DELETED_ORPHANED;
            }
            return approximate || (intact && exactSpan) ? Outcome.MOSTLY_DELETED_PLACED : Outcome.MOSTLY_DELETED_WRONG;
        }
        if (a.isOrphan()) {
            return Outcome.ORPHANED;
        }
        if (intact && exactSpan && !a.changed()) {
            return Outcome.CORRECT;
        }
        if (!a.changed() && sameWordsBeside && iou(as, ae, truth.start(), truth.end()) >= APPROXIMATE_IOU) {
            // The quote's very words, where its remains are: a deletion next to an identical run of
            // words ("capitalism. That [...]. That") may be told either way by the edit script.
            return Outcome.CORRECT;
        }
        return approximate ? Outcome.APPROXIMATE : Outcome.WRONG;
    }

    /**
     * The benchmark's own idea of "the same words", written apart from the algorithm's: typographic
     * variants of quotes, dashes and ellipses, any run of spaces, and case do not count as changes.
     */
    static String fold(String s) {
        String t = s.replace("--", "-").replace("\u2026", "...").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(
                    switch (c) {
                        case '\u2018', '\u2019', '\u201A', '\u2032' -> '\'';
                        case '\u201C', '\u201D', '\u201E', '\u2033' -> '"';
                        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                        default -> c;
                    });
        }
        return out.toString();
    }

    static double iou(int a0, int a1, int b0, int b1) {
        int inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
        int union = Math.max(a1, b1) - Math.min(a0, b0);
        return union == 0 ? 0 : inter / (double) union;
    }

    private static String show(String s) {
        return s.replace("\n", "\\n");
    }

    private AnchoringScore() {}
}
