package glossa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Floors under the anchoring benchmark, on its committed fixtures (fixed seeds): a change that makes
 * notes land worse fails the build. The outcomes are defined in {@link AnchoringScore}; the figures
 * themselves are in docs/BENCHMARKS.md.
 */
class AnchoringFloorsTest {

    private static final Map<EditKind, AnchoringScore.Tally> BY_KIND = new EnumMap<>(EditKind.class);
    private static AnchoringScore.Tally heldOut;

    @BeforeAll
    static void gradeEverything() {
        List<AnchoringFixtures.Essay> essays = AnchoringFixtures.load();
        for (EditKind kind : EditKind.values()) {
            AnchoringScore.Tally t = new AnchoringScore.Tally();
            essays.forEach(e -> t.add(AnchoringScore.grade(e.original(), e.edits(kind), e.passages())));
            BY_KIND.put(kind, t);
        }
        heldOut = new AnchoringScore.Tally();
        essays.forEach(e -> heldOut.add(AnchoringScore.grade(e.original(), e.heldOutEdits(), e.heldOutPassages())));
    }

    @ParameterizedTest
    @EnumSource(EditKind.class)
    void noDeletedPassageIsAnchored(EditKind kind) {
        AnchoringScore.Tally t = BY_KIND.get(kind);
        assertEquals(0, t.get(AnchoringScore.Outcome.DELETED_ANCHORED), () -> String.join("\n", t.failures));
    }

    @ParameterizedTest
    @EnumSource(EditKind.class)
    void atLeast99PercentLandOnTheRightWords(EditKind kind) {
        AnchoringScore.Tally t = BY_KIND.get(kind);
        assertTrue(
                t.onTheRightWords() >= 0.99,
                () -> kind + ": " + t.onTheRightWords() + "\n" + String.join("\n", t.failures));
    }

    /** Passages whose words survive must land exactly on them, not approximately. */
    @ParameterizedTest
    @EnumSource(EditKind.class)
    void atLeast99PercentOfIntactPassagesLandExactly(EditKind kind) {
        AnchoringScore.Tally t = BY_KIND.get(kind);
        double exact = t.get(AnchoringScore.Outcome.CORRECT) / (double) t.intact;
        assertTrue(exact >= 0.99, () -> kind + ": " + exact);
    }

    @Test
    void atMostOneInAThousandIsWrongOverAllKinds() {
        AnchoringScore.Tally all = new AnchoringScore.Tally();
        BY_KIND.values().forEach(all::add);
        assertTrue(all.share(AnchoringScore.Outcome.WRONG) <= 0.001, () -> String.join("\n", all.failures));
    }

    /**
     * Each single kind of edit: at most 0.1 % wrong and 0.1 % orphaned. The mixed revision has its own,
     * looser floor below, at what it reaches today (docs/BENCHMARKS.md says why it falls short).
     */
    @ParameterizedTest
    @EnumSource(value = EditKind.class, names = "MIXED", mode = EnumSource.Mode.EXCLUDE)
    void atMostOneInAThousandIsWrongOrOrphanedPerKind(EditKind kind) {
        AnchoringScore.Tally t = BY_KIND.get(kind);
        assertTrue(t.share(AnchoringScore.Outcome.WRONG) <= 0.001, () -> String.join("\n", t.failures));
        assertTrue(t.share(AnchoringScore.Outcome.ORPHANED) <= 0.001, () -> String.join("\n", t.failures));
    }

    /**
     * The mixed revision: at most 0.1 % wrong; orphans up to 0.2 %, because an edge of a note where a
     * sentence was deleted and another inserted in its place cannot be told from a rewritten one, and
     * a guessed edge is refused rather than cut (docs/BENCHMARKS.md).
     */
    @Test
    void theMixedRevisionDoesNotRegress() {
        AnchoringScore.Tally t = BY_KIND.get(EditKind.MIXED);
        assertTrue(t.share(AnchoringScore.Outcome.WRONG) <= 0.001, () -> String.join("\n", t.failures));
        assertTrue(t.share(AnchoringScore.Outcome.ORPHANED) <= 0.002, () -> String.join("\n", t.failures));
    }

    /**
     * The held-out revision is never tuned on (the wrong placements were found and fixed on
     * {@link SecondRevision}); its floor holds the "at most 0.1 % wrong", and the share on the
     * right words where it stood once the stricter edge checks turned wrong placements into orphans.
     */
    @Test
    void theHeldOutRevisionDoesNotRegress() {
        assertEquals(0, heldOut.get(AnchoringScore.Outcome.DELETED_ANCHORED));
        assertTrue(heldOut.onTheRightWords() >= 0.98, () -> "on the right words: " + heldOut.onTheRightWords());
        assertTrue(
                heldOut.share(AnchoringScore.Outcome.WRONG) <= 0.001,
                () -> "wrong: " + heldOut.share(AnchoringScore.Outcome.WRONG) + "\n"
                        + String.join("\n", heldOut.failures));
    }
}
