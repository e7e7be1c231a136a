package glossa.anchoring;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

import java.util.LinkedList;

/**
 * Carries notes from one revision's canonical text to the next. The diff between the two texts is
 * computed once; then each note is placed by the cheapest method that proves itself, in order:
 *
 * <ol>
 *   <li>its position mapped through the diff ({@code diff_xIndex}), accepted only if the quote is there;</li>
 *   <li>every exact occurrence of the quote, scored by how well its context matches and how near it lies
 *       to the mapped position, accepted only when one candidate clearly wins;</li>
 *   <li>an approximate match of the quote near the mapped position, accepted above a minimum
 *       similarity tuned on the anchoring benchmark;</li>
 *   <li>else an orphan. A wrong anchor is worse than an orphan, so every threshold errs that way.</li>
 * </ol>
 */
public final class RevisionMapping {

    /** Weight of the prefix and of the suffix when scoring a candidate (each). */
    static final double CONTEXT_WEIGHT = 0.35;
    /** Weight of closeness to where the diff says the passage went. */
    static final double DISTANCE_WEIGHT = 0.30;
    /** UTF-16 units over which the closeness score falls from 1 to 0. */
    static final int DISTANCE_SCALE = 4000;
    /** An exact occurrence must score at least this to be taken... */
    static final double MIN_QUOTE_SCORE = 0.45;
    /** ...and beat the runner-up by this much, or the choice is a guess. */
    static final double MIN_QUOTE_MARGIN = 0.10;
    /** A quote this long found exactly once is taken whatever its context: such repeats are rare. */
    static final int UNIQUE_QUOTE_LENGTH = 20;
    /** An approximate match must keep at least this share of the quote's characters... */
    static final double MIN_FUZZY_COVERAGE = 0.85;
    /** A window of the quote's length guessed from one end alone must keep this much of the quote. */
    static final double MIN_WINDOW_COVERAGE = 0.95;
    /** ...at least this share of its own characters must come from the quote... */
    static final double MIN_FUZZY_PRECISION = 0.65;
    /** ...and its context must still match this well, on average over prefix and suffix. */
    static final double MIN_FUZZY_CONTEXT = 0.50;
    /** How far from the expected place the bitap matcher looks; it is the slowest step, so kept short. */
    static final int BITAP_DISTANCE = 1000;
    /** Characters of slack on each side when aligning an approximate span exactly. */
    static final int EDGE_SLACK = 8;
    /** diff-match-patch's bitap matcher handles patterns of at most this many characters. */
    private static final int MATCH_BITS = 32;

    private final CodePointText oldText;
    private final CodePointText newText;
    /** The new text with quote marks folded, for locating fragments. */
    private final String foldedNewText;
    private final LinkedList<Diff> diffs;
    private final DiffMatchPatch dmp = new DiffMatchPatch();

    public RevisionMapping(String oldText, String newText) {
        this.oldText = new CodePointText(oldText);
        this.newText = new CodePointText(newText);
        this.foldedNewText = foldQuotes(newText);
        dmp.diffTimeout = 5f;
        dmp.matchThreshold = 0.4f;
        dmp.matchDistance = BITAP_DISTANCE;
        this.diffs = oldText.equals(newText) ? null : dmp.diffMain(oldText, newText, false);
    }

    public CodePointText newText() {
        return newText;
    }

    public Anchor carry(Target target) {
        TextQuoteSelector quote = target.quote();
        int oldStart = Math.min(target.position().start(), oldText.length());
        int oldEnd = Math.min(target.position().end(), oldText.length());
        String text = newText.text();
        int mappedStart = map(oldText.toChar(oldStart));
        int mappedEnd = map(oldText.toChar(oldEnd));

        if (text.startsWith(quote.exact(), mappedStart)) {
            return found(diffs == null ? Anchor.Method.POSITION : Anchor.Method.DIFF, mappedStart, mappedStart + quote.exact().length(), 1);
        }
        if (mappedEnd - quote.exact().length() >= 0 && text.startsWith(quote.exact(), mappedEnd - quote.exact().length())) {
            int s = mappedEnd - quote.exact().length();
            return found(Anchor.Method.DIFF, s, mappedEnd, 1);
        }
        Anchor exact = bestExactOccurrence(quote, mappedStart);
        if (exact != null) {
            return exact;
        }
        return approximate(quote, mappedStart);
    }

    /** Maps a UTF-16 index of the old text to the new one. */
    private int map(int oldIndex) {
        return diffs == null ? oldIndex : Math.min(dmp.diffXIndex(diffs, oldIndex), newText.text().length());
    }

    private Anchor bestExactOccurrence(TextQuoteSelector quote, int expected) {
        String text = newText.text();
        double best = -1;
        double second = -1;
        int bestAt = -1;
        int count = 0;
        for (int at = text.indexOf(quote.exact()); at >= 0; at = text.indexOf(quote.exact(), at + 1)) {
            count++;
            double score = quickContextScore(quote, at, at + quote.exact().length()) * 2 * CONTEXT_WEIGHT
                    + closeness(at, expected) * DISTANCE_WEIGHT;
            if (score > best) {
                second = best;
                best = score;
                bestAt = at;
            } else if (score > second) {
                second = score;
            }
        }
        if (count == 0) {
            return null;
        }
        boolean unique = count == 1;
        boolean longUnique = unique && quote.exact().codePointCount(0, quote.exact().length()) >= UNIQUE_QUOTE_LENGTH;
        boolean clearWinner = best >= MIN_QUOTE_SCORE && (unique || best - second >= MIN_QUOTE_MARGIN);
        if (longUnique || clearWinner) {
            return found(Anchor.Method.QUOTE, bestAt, bestAt + quote.exact().length(), Math.min(1, best));
        }
        return null;
    }

    /**
     * Step 3: find where the quote's first and last words went (exactly if they survive, else by the
     * bitap matcher), take the span between them, and measure how much of the quote it keeps.
     */
    private Anchor approximate(TextQuoteSelector quote, int expected) {
        String text = newText.text();
        String exact = quote.exact();
        if (text.isEmpty()) {
            return Anchor.orphan();
        }
        int edge = Math.min(MATCH_BITS, exact.length());
        String head = exact.substring(0, edge);
        String tail = exact.substring(exact.length() - edge);
        // Cheap first: most changed passages keep one end word for word (a typo fixed inside). Measuring
        // a window from that end settles them without the bitap search, the slowest step by far.
        int headExact = nearestExact(head, expected);
        int tailExact = nearestExact(tail, expected + exact.length() - edge);
        if (headExact >= 0 && tailExact < 0) {
            Anchor quick = measure(quote, headExact, Math.min(text.length(), headExact + exact.length()), MIN_WINDOW_COVERAGE);
            if (quick != null) {
                return quick;
            }
        } else if (tailExact >= 0 && headExact < 0) {
            Anchor quick = measure(quote, Math.max(0, tailExact + edge - exact.length()), tailExact + edge, MIN_WINDOW_COVERAGE);
            if (quick != null) {
                return quick;
            }
        }
        Located headFound = headExact >= 0 ? new Located(headExact, true) : locate(head, expected);
        Located tailFound = tailExact >= 0 ? new Located(tailExact, true) : locate(tail, expected + exact.length() - edge);
        int headAt = headFound.at();
        int tailAt = tailFound.at();
        Anchor best = null;
        if (headAt >= 0 && tailAt >= headAt) {
            int span = tailAt + edge - headAt;
            if (span >= exact.length() / 2 && span <= exact.length() * 2) {
                // Both ends found word for word pin the passage down; an approximate end is only a guess.
                boolean pinned = headFound.exact() && tailFound.exact();
                best = measure(quote, headAt, tailAt + edge, pinned ? MIN_FUZZY_COVERAGE : MIN_WINDOW_COVERAGE);
            }
        }
        // A window of the quote's length from one end is tried only when the other end is lost: when both
        // ends were found and the span between them failed, a shorter window would cut the passage short.
        if (best == null && headAt >= 0 && tailAt < headAt) {
            best = measure(quote, headAt, Math.min(text.length(), headAt + exact.length()), MIN_WINDOW_COVERAGE);
        }
        if (best == null && tailAt >= 0 && (headAt < 0 || tailAt < headAt)) {
            best = measure(quote, Math.max(0, tailAt + edge - exact.length()), tailAt + edge, MIN_WINDOW_COVERAGE);
        }
        return best == null ? Anchor.orphan() : best;
    }

    /** Where a fragment was found (-1 if nowhere), and whether word for word. */
    private record Located(int at, boolean exact) {
    }

    /**
     * The nearest word-for-word occurrence (quote marks folded) within {@link #DISTANCE_SCALE} of
     * {@code expected}, or -1. Only that window is scanned: a full scan per fragment dominated the cost.
     */
    private int nearestExact(String fragment, int expected) {
        String text = foldedNewText;
        String f = foldQuotes(fragment);
        int from = Math.max(0, Math.min(expected, text.length()) - DISTANCE_SCALE);
        int to = Math.min(text.length(), Math.max(0, expected) + DISTANCE_SCALE + f.length());
        String window = text.substring(from, to);
        int best = -1;
        for (int at = window.indexOf(f); at >= 0; at = window.indexOf(f, at + 1)) {
            int abs = from + at;
            if (best < 0 || Math.abs(abs - expected) < Math.abs(best - expected)) {
                best = abs;
            }
            if (abs > expected) {
                break;
            }
        }
        return best;
    }

    /** The nearest exact occurrence of {@code fragment} within reach of {@code expected}, else a bitap match, else -1. */
    private Located locate(String fragment, int expected) {
        int nearest = nearestExact(fragment, expected);
        if (nearest >= 0) {
            return new Located(nearest, true);
        }
        return new Located(dmp.matchMain(newText.text(), fragment, clamp(expected)), false);
    }

    /**
     * Curly and straight quote marks made equal, character for character (so indexes still match the
     * real text): an editor straightening quotes should not cost a note its place.
     */
    static String foldQuotes(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\u2018' || c == '\u2019') {
                chars[i] = '\'';
            } else if (c == '\u201C' || c == '\u201D') {
                chars[i] = '"';
            }
        }
        return new String(chars);
    }

    /**
     * Scores a candidate span: coverage is the share of the quote's characters it keeps, precision the
     * share of its own characters that come from the quote (text inserted inside a passage lowers
     * precision, not coverage).
     */
    private Anchor measure(TextQuoteSelector quote, int roughStart, int roughEnd, double minCoverage) {
        if (roughEnd <= roughStart) {
            return null;
        }
        // The fragments' places are approximate by a few characters: align the quote against a slightly
        // wider window and read its exact ends off the diff.
        String text = newText.text();
        int windowStart = Math.max(0, roughStart - EDGE_SLACK);
        int windowEnd = Math.min(text.length(), roughEnd + EDGE_SLACK);
        LinkedList<Diff> aligned = dmp.diffMain(quote.exact(), text.substring(windowStart, windowEnd), false);
        // The span runs from the first to the last character the quote and the window share, widened by
        // any quote characters replaced just outside them (a straightened quote mark, say).
        int p1 = 0;
        int p2 = 0;
        int start = -1;
        int end = -1;
        for (Diff d : aligned) {
            int len = d.text.length();
            if (d.operation == DiffMatchPatch.Operation.EQUAL) {
                if (start < 0) {
                    start = windowStart + Math.max(0, p2 - p1);
                }
                end = windowStart + p2 + len + (quote.exact().length() - p1 - len);
            }
            if (d.operation != DiffMatchPatch.Operation.INSERT) {
                p1 += len;
            }
            if (d.operation != DiffMatchPatch.Operation.DELETE) {
                p2 += len;
            }
        }
        if (start < 0) {
            return null;
        }
        end = Math.min(end, windowEnd);
        if (end <= start) {
            return null;
        }
        String candidate = text.substring(start, end);
        int kept = 0;
        LinkedList<Diff> diff = dmp.diffMain(quote.exact(), candidate, false);
        // Without this, stray common letters in unrelated text would count as kept.
        dmp.diffCleanupSemantic(diff);
        for (Diff d : diff) {
            if (d.operation == DiffMatchPatch.Operation.EQUAL) {
                kept += d.text.length();
            }
        }
        double coverage = kept / (double) quote.exact().length();
        double precision = kept / (double) candidate.length();
        double context = contextScore(quote, start, end);
        if (coverage < minCoverage || precision < MIN_FUZZY_PRECISION || context < MIN_FUZZY_CONTEXT) {
            return null;
        }
        return found(Anchor.Method.FUZZY, start, end, (coverage + precision) / 2 * (1 - 2 * CONTEXT_WEIGHT) + context * 2 * CONTEXT_WEIGHT);
    }

    /**
     * A cheap context score for exact occurrences, which can be many: how many characters of the prefix
     * match going backwards from the candidate, and of the suffix going forwards.
     */
    private double quickContextScore(TextQuoteSelector quote, int start, int end) {
        String text = newText.text();
        String prefix = quote.prefix();
        String suffix = quote.suffix();
        int p = 0;
        while (p < prefix.length() && start - 1 - p >= 0 && text.charAt(start - 1 - p) == prefix.charAt(prefix.length() - 1 - p)) {
            p++;
        }
        int q = 0;
        while (q < suffix.length() && end + q < text.length() && text.charAt(end + q) == suffix.charAt(q)) {
            q++;
        }
        double before = prefix.isEmpty() ? 1 : p / (double) prefix.length();
        double after = suffix.isEmpty() ? 1 : q / (double) suffix.length();
        return (before + after) / 2;
    }

    /** Average similarity of the prefix and suffix to the text around a candidate, 0..1. Empty context counts as matching. */
    private double contextScore(TextQuoteSelector quote, int start, int end) {
        String text = newText.text();
        String before = text.substring(Math.max(0, start - quote.prefix().length()), start);
        String after = text.substring(end, Math.min(text.length(), end + quote.suffix().length()));
        return (similarity(quote.prefix(), before) + similarity(quote.suffix(), after)) / 2;
    }

    private double similarity(String expected, String actual) {
        if (expected.isEmpty()) {
            return 1;
        }
        if (expected.equals(actual)) {
            return 1;
        }
        int distance = dmp.diffLevenshtein(dmp.diffMain(expected, actual, false));
        return Math.max(0, 1 - distance / (double) Math.max(expected.length(), actual.length()));
    }

    private static double closeness(int at, int expected) {
        return Math.max(0, 1 - Math.abs(at - expected) / (double) DISTANCE_SCALE);
    }

    private int clamp(int charIndex) {
        return Math.max(0, Math.min(charIndex, newText.text().length()));
    }

    private Anchor found(Anchor.Method method, int startChar, int endChar, double score) {
        return new Anchor(method, newText.toCodePoint(startChar), newText.toCodePoint(endChar), score);
    }
}
