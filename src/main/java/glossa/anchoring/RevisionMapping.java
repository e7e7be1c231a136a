package glossa.anchoring;

import static glossa.anchoring.MappingWeights.*;

import java.util.List;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;

/**
 * Carries notes from one revision's canonical text to the next. Both texts are folded once
 * ({@link FoldedText}: quote marks, dashes, ellipses, spaces and case do not count as changes) and
 * diffed once ({@link TextDiff}); each note is then placed by the cheapest method that proves itself:
 *
 * <ol>
 *   <li>{@link Anchor.Method#DIFF}: both ends mapped through the diff, and every character between them
 *       is one of the quote's, in order: the same words, exactly (constant time per note);</li>
 *   <li>{@link Anchor.Method#QUOTE}: the quote found word for word elsewhere in the whole new text (a
 *       moved paragraph, or an edit right at the passage's edge that the diff attributed oddly), taken
 *       only when its context confirms it;</li>
 *   <li>{@link Anchor.Method#FUZZY} where the diff puts it: the span between where the passage's first and
 *       last surviving characters went, when enough of the quote survives there (a typo, a reworded
 *       word, a sentence inserted inside, a split sentence); always reported as changed. An end that new
 *       text replaced (more than a word) must be confirmed by the quote's own edge or its context and lie
 *       on a word boundary, else the span is refused rather than cut or widened by a guess;</li>
 *   <li>{@link Anchor.Method#FUZZY} anywhere: seeds of the quote looked up in an index of the new text and
 *       the best place aligned (a moved paragraph that was also edited);</li>
 *   <li>else {@link Anchor.Method#ORPHAN}. A wrong anchor is worse than an orphan, so every threshold
 *       errs that way; the thresholds were set on the per-kind benchmark and checked on a held-out
 *       revision (docs/BENCHMARKS.md).</li>
 * </ol>
 *
 * <p>Offsets in selectors and anchors count code points; inside, everything is UTF-16 indexes of the
 * folded texts, converted at the edges.
 */
public final class RevisionMapping {

    private final CodePointText oldText;
    private final CodePointText newText;
    /** Folded on first need: an unchanged text places every consistent note by its position alone. */
    private FoldedText oldFolded;

    private FoldedText newFolded;
    /** Null when the texts are equal. */
    private TextDiff diff;
    /** Where the diff puts a passage's edges; null when the texts are equal. */
    private DiffEdges edges;

    private final boolean unchanged;
    private final DiffMatchPatch dmp = new DiffMatchPatch();
    /** Built on first need: most revisions place every note by the diff alone. */
    private SeedIndex seeds;

    public RevisionMapping(String oldText, String newText) {
        this.oldText = new CodePointText(oldText);
        this.newText = new CodePointText(newText);
        dmp.diffTimeout = 1f;
        this.unchanged = oldText.equals(newText);
        if (!unchanged) {
            fold();
            this.diff = new TextDiff(oldFolded.text(), newFolded.text(), dmp);
            this.edges = new DiffEdges(diff);
        }
    }

    private void fold() {
        if (oldFolded == null) {
            oldFolded = new FoldedText(oldText.text());
            newFolded = unchanged ? oldFolded : new FoldedText(newText.text());
        }
    }

    public CodePointText newText() {
        return newText;
    }

    public Anchor carry(Target target) {
        int cpStart = Math.min(target.position().start(), oldText.length());
        int cpEnd = Math.min(target.position().end(), oldText.length());
        int os = oldText.toChar(cpStart);
        int oe = oldText.toChar(cpEnd);
        String exact = target.quote().exact();
        boolean consistent = oe - os == exact.length() && oldText.text().startsWith(exact, os);
        if (unchanged && consistent) {
            return new Anchor(Anchor.Method.POSITION, cpStart, cpEnd, 1);
        }
        fold();
        int fs = oldFolded.foldedStart(os);
        int fe = oldFolded.foldedEnd(oe);
        int expected = unchanged ? fs : mapped(Math.min(fs, oldFolded.length() - 1));
        if (!consistent || fe <= fs) {
            // The position does not hold the quote (an older selector): only the quote can be trusted.
            Quote q = new Quote(
                    new FoldedText(exact).text(),
                    Context.folded(target.quote().prefix(), true),
                    Context.folded(target.quote().suffix(), false),
                    expected);
            Anchor found = elsewhere(q);
            return found != null ? found : approximatelyElsewhere(q);
        }
        int length = fe - fs;
        if (diff.surviving(fs, fe) == length && diff.newOf(fe - 1) - diff.newOf(fs) == length - 1) {
            return span(Anchor.Method.DIFF, diff.newOf(fs), diff.newOf(fe - 1) + 1, 1);
        }
        String old = oldFolded.text();
        Quote q = new Quote(
                old.substring(fs, fe),
                old.substring(Math.max(0, fs - CONTEXT), fs),
                old.substring(fe, Math.min(old.length(), fe + CONTEXT)),
                expected);
        Anchor found = elsewhere(q);
        if (found != null) {
            return found;
        }
        found = whereTheDiffPutsIt(q, fs, fe);
        return found != null ? found : approximatelyElsewhere(q);
    }

    /** A quote, its context (all folded), and where the diff expects it in the new folded text. */
    private record Quote(String text, String prefix, String suffix, int expected) {}

    private int mapped(int foldedOld) {
        if (diff == null) {
            return Math.max(0, foldedOld);
        }
        if (foldedOld < 0) {
            return 0;
        }
        return diff.survives(foldedOld) ? diff.newOf(foldedOld) : diff.blockNewFrom(foldedOld);
    }

    /** Step 2: the quote word for word anywhere, chosen by its context, then by nearness. */
    private Anchor elsewhere(Quote q) {
        List<Integer> found = seeds().occurrences(q.text());
        if (found.isEmpty()) {
            return null;
        }
        String text = newFolded.text();
        double best = -1;
        double second = -1;
        double bestContext = 0;
        int bestAt = -1;
        for (int at : found) {
            double before = Context.similarity(q.prefix(), text, at, true);
            double after = Context.similarity(q.suffix(), text, at + q.text().length(), false);
            double score = (before + after) / 2 + DISTANCE_WEIGHT * closeness(at, q.expected());
            if (score > best) {
                second = best;
                best = score;
                bestAt = at;
                bestContext = Math.max(before, after);
            } else if (score > second) {
                second = score;
            }
        }
        boolean unique = found.size() == 1;
        boolean confirmed = bestContext >= STRONG_CONTEXT || unique && q.text().length() >= UNIQUE_QUOTE_LENGTH;
        if (confirmed && (unique || best - second >= MIN_QUOTE_MARGIN)) {
            return span(Anchor.Method.QUOTE, bestAt, bestAt + q.text().length(), Math.min(1, best));
        }
        return null;
    }

    /**
     * Step 3: the span from where the passage's first surviving character went to where its last one
     * went. An edit at an edge that replaced the passage's own first or last characters is included;
     * text replacing characters on both sides of an edge is not.
     */
    private Anchor whereTheDiffPutsIt(Quote q, int fs, int fe) {
        int length = fe - fs;
        int start;
        int end;
        boolean replacedInPlace = false;
        if (diff.firstSurvivor(fs, fe) >= 0) {
            start = edges.newStart(fs);
            end = edges.newEnd(fe);
        } else if (diff.blockOldFrom(fs) >= fs - BLOCK_SLACK && diff.blockOldTo(fs) <= fe + BLOCK_SLACK) {
            start = diff.blockNewFrom(fs);
            end = diff.blockNewTo(fs);
            replacedInPlace = true;
        } else {
            return null;
        }
        String text = newFolded.text();
        while (start < end
                && Character.isWhitespace(text.charAt(start))
                && !Character.isWhitespace(q.text().charAt(0))) {
            start++;
        }
        while (end > start
                && Character.isWhitespace(text.charAt(end - 1))
                && !Character.isWhitespace(q.text().charAt(length - 1))) {
            end--;
        }
        if (!diff.survives(fs)) {
            start = SentenceEdges.skipSentenceEnd(q.text(), text, start, end);
        }
        if (end <= start || end - start > MAX_SPREAD * length + SPREAD_SLACK) {
            return null;
        }
        double coverage = diff.surviving(fs, fe) / (double) length;
        double before = Context.similarity(q.prefix(), text, start, true);
        double after = Context.similarity(q.suffix(), text, end, false);
        boolean accepted;
        if (replacedInPlace) {
            accepted = Math.min(before, after) >= REPLACED_CONTEXT
                    && end - start <= MAX_SPREAD * length
                    && (end - start) * MAX_SPREAD >= length;
        } else {
            accepted =
                    (coverage >= SURE_COVERAGE || coverage >= MIN_COVERAGE && Math.max(before, after) >= WEAK_CONTEXT)
                            && edgesConfirmed(q, start, end, before, after, edges.guessed(fs), edges.guessed(fe - 1));
        }
        return accepted ? span(Anchor.Method.FUZZY, start, end, (coverage + (before + after) / 2) / 2) : null;
    }

    /** Step 4: the quote's seeds looked up in the whole new text, the best place aligned and measured. */
    private Anchor approximatelyElsewhere(Quote q) {
        String quote = q.text();
        int seedsInQuote = quote.length() / SeedIndex.K;
        int roughStart = seeds().likelyStart(quote, Math.max(2, (seedsInQuote + 1) / 2));
        if (roughStart < 0) {
            return Anchor.orphan();
        }
        String text = newFolded.text();
        int windowStart = Math.max(0, roughStart - 2 * SeedIndex.K);
        int windowEnd = Math.min(text.length(), roughStart + quote.length() + 6 * SeedIndex.K);
        Alignment.Match m = Alignment.align(dmp, quote, text, windowStart, windowEnd);
        if (m == null) {
            return Anchor.orphan();
        }
        int start = SentenceEdges.skipSentenceEnd(quote, text, m.start(), m.end());
        int shift = start - m.start();
        m = new Alignment.Match(
                start, m.end(), m.kept() - Math.min(m.kept(), shift), m.quoteStart() + shift, m.quoteEnd());
        if (m.end() <= m.start()) {
            return Anchor.orphan();
        }
        double coverage = m.kept() / (double) quote.length();
        double precision = m.kept() / (double) (m.end() - m.start());
        double before = Context.similarity(q.prefix(), text, m.start(), true);
        double after = Context.similarity(q.suffix(), text, m.end(), false);
        boolean similar = coverage >= MIN_SEED_COVERAGE
                && precision >= MIN_SEED_PRECISION
                && Math.max(before, after) >= WEAK_CONTEXT;
        // What is left of a passage partly deleted, then moved: all of it the quote's, its context confirming it.
        boolean remains =
                coverage >= MIN_COVERAGE && precision >= REMAINS_PRECISION && Math.max(before, after) >= STRONG_CONTEXT;
        if (!similar && !remains
                || !edgesConfirmed(
                        q,
                        m.start(),
                        m.end(),
                        before,
                        after,
                        m.quoteStart() > 0 && !SentenceEdges.cutAtSentence(quote, text, m.start(), true),
                        m.quoteEnd() < quote.length() && !SentenceEdges.cutAtSentence(quote, text, m.end(), false))) {
            return Anchor.orphan();
        }
        return span(Anchor.Method.FUZZY, m.start(), m.end(), (coverage + precision) / 4 + (before + after) / 4);
    }

    /**
     * Each end of new-text span [start, end) that needs it holds the quote's own first or last
     * characters, or the context beside it matches.
     */
    private boolean edgesConfirmed(
            Quote q, int start, int end, double before, double after, boolean checkHead, boolean checkTail) {
        String quote = q.text();
        String text = newFolded.text();
        int n = Math.min(EDGE, quote.length());
        boolean head = !checkHead
                || before >= STRONG_CONTEXT
                || Context.similarity(quote.substring(0, n), text, start, false) >= EDGE_MATCH;
        boolean tail = !checkTail
                || after >= STRONG_CONTEXT
                || Context.similarity(quote.substring(quote.length() - n), text, end, true) >= EDGE_MATCH;
        return (!checkHead || head && SentenceEdges.onWordBoundaries(quote, text, start, end, true))
                && (!checkTail || tail && SentenceEdges.onWordBoundaries(quote, text, start, end, false));
    }

    private SeedIndex seeds() {
        if (seeds == null) {
            seeds = new SeedIndex(newFolded.text());
        }
        return seeds;
    }

    /** An anchor on folded new-text range [start, end), reported on the real characters in code points. */
    private Anchor span(Anchor.Method method, int start, int end, double score) {
        int s = newFolded.originalStart(start);
        int e = newFolded.originalEnd(end);
        return new Anchor(method, newText.toCodePoint(s), newText.toCodePoint(e), score);
    }
}
