package glossa.bench;

import java.util.List;
import java.util.Random;

/**
 * The anchoring graded on {@link SecondRevision}'s edits, each kind alone and all at once, on the
 * committed originals with passages of its own seed. Run with {@code bin/bench SecondRevisionBenchmark};
 * {@code ANCHOR_DEBUG=1} prints every wrong, misplaced or orphaned note with the kind of edit that caused it.
 */
public final class SecondRevisionBenchmark {

    static final int PASSAGES = 600;

    public static void main(String[] args) {
        List<AnchoringFixtures.Essay> essays = AnchoringFixtures.load();
        boolean debug = System.getenv("ANCHOR_DEBUG") != null;
        System.out.println(
                "| edit kind (second revision) | placeable | correct | approximate | wrong | orphaned | deleted: orphaned / anchored | split |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        AnchoringScore.Tally single = new AnchoringScore.Tally();
        for (SecondRevision.Kind kind : SecondRevision.Kind.values()) {
            AnchoringScore.Tally t = grade(essays, kind);
            row(SecondRevision.label(kind), t, debug);
            single.add(t);
        }
        row("**each kind alone, summed**", single, false);
        row("**all kinds at once**", grade(essays, null), debug);
    }

    static AnchoringScore.Tally grade(List<AnchoringFixtures.Essay> essays, SecondRevision.Kind kind) {
        AnchoringScore.Tally t = new AnchoringScore.Tally();
        for (int e = 0; e < essays.size(); e++) {
            String original = essays.get(e).original();
            long seed = SecondRevision.SEED + 101L * e + (kind == null ? 99 : kind.ordinal());
            List<int[]> passages =
                    AnchoringFixtures.passages(original, new Random(SecondRevision.SEED - e), PASSAGES, 3, 250);
            t.add(AnchoringScore.grade(original, SecondRevision.generate(original, kind, seed), passages));
        }
        return t;
    }

    private static void row(String name, AnchoringScore.Tally t, boolean debug) {
        System.out.printf(
                "| %s | %d | %.2f%% | %.2f%% | %.2f%% (%d) | %.2f%% (%d) | %d / %d | %d |%n",
                name,
                t.placeable(),
                100 * t.share(AnchoringScore.Outcome.CORRECT),
                100 * t.share(AnchoringScore.Outcome.APPROXIMATE),
                100 * t.share(AnchoringScore.Outcome.WRONG),
                t.get(AnchoringScore.Outcome.WRONG),
                100 * t.share(AnchoringScore.Outcome.ORPHANED),
                t.get(AnchoringScore.Outcome.ORPHANED),
                t.get(AnchoringScore.Outcome.DELETED_ORPHANED),
                t.get(AnchoringScore.Outcome.DELETED_ANCHORED),
                t.get(AnchoringScore.Outcome.SPLIT));
        if (debug) {
            t.failures.forEach(f -> System.out.println("    [" + name + "] " + f));
        }
    }

    private SecondRevisionBenchmark() {}
}
