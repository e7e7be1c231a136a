package glossa.bench;

import glossa.anchoring.CodePointText;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * How well notes survive edits, one edit kind at a time, on the committed fixtures
 * ({@link AnchoringFixtures}); the outcomes are defined in {@link AnchoringScore}. Then the held-out
 * revision, and the time to carry 10,000 notes on the longest essay across its mixed revision. Run
 * with {@code bin/bench AnchoringBenchmark}; {@code ANCHOR_DEBUG=1} prints every failure; {@code --no-timing}
 * skips the timing.
 */
public final class AnchoringBenchmark {

    private static final int TIMED_NOTES = 10_000;

    public static void main(String[] args) {
        List<AnchoringFixtures.Essay> essays = AnchoringFixtures.load();
        System.out.println(
                "| edit kind | placeable | words intact | correct | approximate | on the right words | wrong | orphaned "
                        + "| mostly deleted: orphaned / placed / wrong | deleted: orphaned / anchored | split | by method |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        AnchoringScore.Tally all = new AnchoringScore.Tally();
        for (EditKind kind : EditKind.values()) {
            AnchoringScore.Tally t = new AnchoringScore.Tally();
            for (AnchoringFixtures.Essay e : essays) {
                t.add(AnchoringScore.grade(e.original(), e.edits(kind), e.passages()));
            }
            row(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), t);
            all.add(t);
        }
        row("**all kinds**", all);
        AnchoringScore.Tally heldOut = new AnchoringScore.Tally();
        for (AnchoringFixtures.Essay e : essays) {
            heldOut.add(AnchoringScore.grade(e.original(), e.heldOutEdits(), e.heldOutPassages()));
        }
        row("held-out revision", heldOut);
        if (System.getenv("ANCHOR_DEBUG") != null) {
            all.failures.forEach(System.out::println);
            System.out.println("--- held-out");
            heldOut.failures.forEach(System.out::println);
        }
        if (args.length > 0 && args[0].equals("--no-timing")) {
            return;
        }
        time(essays.stream()
                .max(Comparator.comparingInt(e -> e.original().length()))
                .orElseThrow());
    }

    private static void row(String name, AnchoringScore.Tally t) {
        System.out.printf(
                "| %s | %d | %.1f%% | %.2f%% | %.2f%% | %.2f%% | %.2f%% (%d) | %.2f%% (%d) | %d / %d / %d | %d / %d | %d | %s |%n",
                name,
                t.placeable(),
                100.0 * t.intact / Math.max(1, t.placeable()),
                100 * t.share(AnchoringScore.Outcome.CORRECT),
                100 * t.share(AnchoringScore.Outcome.APPROXIMATE),
                100 * t.onTheRightWords(),
                100 * t.share(AnchoringScore.Outcome.WRONG),
                t.get(AnchoringScore.Outcome.WRONG),
                100 * t.share(AnchoringScore.Outcome.ORPHANED),
                t.get(AnchoringScore.Outcome.ORPHANED),
                t.get(AnchoringScore.Outcome.MOSTLY_DELETED_ORPHANED),
                t.get(AnchoringScore.Outcome.MOSTLY_DELETED_PLACED),
                t.get(AnchoringScore.Outcome.MOSTLY_DELETED_WRONG),
                t.get(AnchoringScore.Outcome.DELETED_ORPHANED),
                t.get(AnchoringScore.Outcome.DELETED_ANCHORED),
                t.get(AnchoringScore.Outcome.SPLIT),
                t.methods);
    }

    /** 10,000 notes on the longest essay across its mixed revision; the diff is included in each run. */
    private static void time(AnchoringFixtures.Essay essay) {
        String text = essay.original();
        CodePointText old = new CodePointText(text);
        List<Target> targets = new ArrayList<>();
        for (int[] p : AnchoringFixtures.passages(text, new Random(AnchoringFixtures.SEED), TIMED_NOTES, 10, 200)) {
            targets.add(Target.of(old, old.toCodePoint(p[0]), old.toCodePoint(p[1])));
        }
        String edited = EditedText.apply(text, essay.edits(EditKind.MIXED)).text();
        int runs = 21;
        long[] carried = new long[runs];
        long[] carriedCpu = new long[runs];
        long[] diffOnly = new long[runs];
        long[] unchanged = new long[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = -10; r < runs; r++) {
            long t = System.nanoTime();
            RevisionMapping same = new RevisionMapping(text, text);
            targets.forEach(same::carry);
            long u = System.nanoTime() - t;
            long cpu = threads.getCurrentThreadCpuTime();
            t = System.nanoTime();
            RevisionMapping mapping = new RevisionMapping(text, edited);
            long d = System.nanoTime() - t;
            targets.forEach(mapping::carry);
            long c = System.nanoTime() - t;
            if (r >= 0) {
                carried[r] = c;
                carriedCpu[r] = threads.getCurrentThreadCpuTime() - cpu;
                diffOnly[r] = d;
                unchanged[r] = u;
            }
        }
        System.out.printf("%n%s (%,d characters), %,d notes%n", essay.slug(), text.length(), TIMED_NOTES);
        System.out.println("  text unchanged:                       " + Stats.of(unchanged));
        System.out.println("  across the mixed revision:            " + Stats.of(carried));
        System.out.println("    the same, CPU time of the thread:   " + Stats.of(carriedCpu));
        System.out.println("    of which building the mapping:      " + Stats.of(diffOnly));
        System.out.printf(
                "  load average when done: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    /** A passage of 10 to 200 UTF-16 units on word boundaries (also used by the annotated-page benchmark). */
    static int[] randomPassage(String text, Random random) {
        return AnchoringFixtures.passages(text, random, 1, 10, 200).get(0);
    }

    private AnchoringBenchmark() {}
}
