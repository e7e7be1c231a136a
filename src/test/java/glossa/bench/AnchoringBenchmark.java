package glossa.bench;

import glossa.anchoring.Anchor;
import glossa.anchoring.CodePointText;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import glossa.markdown.EssayRenderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How well notes survive edits. For each essay: place 1,000 random passages, apply realistic edits
 * (typo fixes, inserted and deleted sentences, a moved paragraph, straightened quote marks, doubled
 * spaces), carry every passage to the edited text, and compare with where its characters really
 * went. Then time the carrying of 10,000 notes on the longest essay. Run with
 * {@code bin/bench AnchoringBenchmark}.
 */
public final class AnchoringBenchmark {

    private static final int PASSAGES = 1000;
    private static final long SEED = 20261123L;
    /** Overlap (intersection over union) with the true passage needed to count as correct. */
    private static final double CORRECT_IOU = 0.8;

    record Outcome(int correct, int wrong, int orphaned, int goneOrphaned, int goneAnchored, int split, Map<Anchor.Method, Integer> methods, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        EssayRenderer renderer = new EssayRenderer();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        System.out.println("| essay | passages | correct | wrong | orphaned | deleted: orphaned / anchored | split by a move | by method | time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int[] total = new int[6];
        String longest = "";
        for (Path file : files) {
            String text = renderer.render(Files.readString(file)).canonicalText().text();
            if (text.length() > longest.length()) {
                longest = text;
            }
            Outcome o = run(text, new Random(SEED + file.getFileName().toString().hashCode()));
            int n = PASSAGES;
            System.out.printf("| %s | %d | %.1f%% | %.1f%% | %.1f%% | %d / %d | %d | %s | %.0f ms |%n", file.getFileName().toString().replace(".md", ""),
                    n, 100.0 * o.correct / n, 100.0 * o.wrong / n, 100.0 * o.orphaned / n, o.goneOrphaned, o.goneAnchored, o.split, o.methods, o.nanos / 1e6);
            total[5] += o.split;
            total[0] += o.correct;
            total[1] += o.wrong;
            total[2] += o.orphaned;
            total[3] += o.goneOrphaned;
            total[4] += o.goneAnchored;
        }
        int n = PASSAGES * files.size();
        System.out.printf("| all | %d | %.1f%% | %.1f%% | %.1f%% | %d / %d | %d | | |%n", n, 100.0 * total[0] / n, 100.0 * total[1] / n,
                100.0 * total[2] / n, total[3], total[4], total[5]);
        timeTenThousand(longest);
    }

    private static Outcome run(String text, Random random) {
        CodePointText old = new CodePointText(text);
        List<int[]> passages = new ArrayList<>();
        for (int i = 0; i < PASSAGES; i++) {
            passages.add(randomPassage(text, random));
        }
        EditedText edited = EditedText.edit(text, random);
        long t = System.nanoTime();
        RevisionMapping mapping = new RevisionMapping(text, edited.text());
        List<Anchor> anchors = new ArrayList<>();
        for (int[] p : passages) {
            anchors.add(mapping.carry(Target.of(old, old.toCodePoint(p[0]), old.toCodePoint(p[1]))));
        }
        long nanos = System.nanoTime() - t;
        CodePointText now = mapping.newText();
        int correct = 0, wrong = 0, orphaned = 0, goneOrphaned = 0, goneAnchored = 0, split = 0;
        Map<Anchor.Method, Integer> methods = new EnumMap<>(Anchor.Method.class);
        for (int i = 0; i < passages.size(); i++) {
            Anchor a = anchors.get(i);
            methods.merge(a.method(), 1, Integer::sum);
            int[] truth = edited.whereNow(passages.get(i)[0], passages.get(i)[1]);
            if (truth != null && truth[2] == 1) {
                split++;
                continue;
            }
            if (truth == null) {
                if (a.isOrphan()) {
                    goneOrphaned++;
                } else {
                    goneAnchored++;
                }
                continue;
            }
            if (a.isOrphan()) {
                orphaned++;
            } else if (iou(now.toChar(a.start()), now.toChar(a.end()), truth[0], truth[1]) >= CORRECT_IOU) {
                correct++;
            } else {
                wrong++;
                if (System.getenv("ANCHOR_DEBUG") != null) {
                    int[] p = passages.get(i);
                    System.out.println("WRONG " + a + " truth " + truth[0] + ".." + truth[1] + " got " + now.toChar(a.start()) + ".." + now.toChar(a.end())
                            + "\n  old: " + text.substring(p[0], p[1]).replace("\n", "\\n")
                            + "\n  new: " + now.text().substring(truth[0], truth[1]).replace("\n", "\\n")
                            + "\n  got: " + now.text().substring(now.toChar(a.start()), now.toChar(a.end())).replace("\n", "\\n"));
                }
            }
        }
        return new Outcome(correct, wrong, orphaned, goneOrphaned, goneAnchored, split, methods, nanos);
    }

    private static void timeTenThousand(String text) {
        CodePointText old = new CodePointText(text);
        Random random = new Random(SEED);
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int[] p = randomPassage(text, random);
            targets.add(Target.of(old, old.toCodePoint(p[0]), old.toCodePoint(p[1])));
        }
        String edited = EditedText.edit(text, random).text();
        long[] runs = new long[7];
        long[] diffOnly = new long[7];
        for (int r = -3; r < runs.length; r++) {
            long t = System.nanoTime();
            RevisionMapping unchanged = new RevisionMapping(text, text);
            targets.forEach(unchanged::carry);
            long unchangedNanos = System.nanoTime() - t;
            t = System.nanoTime();
            RevisionMapping mapping = new RevisionMapping(text, edited);
            long diffed = System.nanoTime() - t;
            targets.forEach(mapping::carry);
            if (r >= 0) {
                runs[r] = System.nanoTime() - t;
                diffOnly[r] = diffed;
            }
            if (r == runs.length - 1) {
                System.out.printf("%nanchor 10,000 notes on the longest essay, text unchanged: %.1f ms%n", unchangedNanos / 1e6);
            }
        }
        System.out.println("anchor 10,000 notes on the longest essay, across an edited revision: " + Stats.of(runs));
        System.out.println("  of which the diff between the two texts: " + Stats.of(diffOnly));
    }

    /** A passage of 10 to 200 UTF-16 units starting and ending at word boundaries. */
    static int[] randomPassage(String text, Random random) {
        while (true) {
            int start = random.nextInt(text.length() - 220);
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            int end = start + 10 + random.nextInt(190);
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (!text.substring(start, end).isBlank() && !Character.isWhitespace(text.charAt(start))) {
                return new int[] {start, end};
            }
        }
    }

    private static double iou(int a0, int a1, int b0, int b1) {
        int inter = Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
        int union = Math.max(a1, b1) - Math.min(a0, b0);
        return union == 0 ? 0 : inter / (double) union;
    }

    private AnchoringBenchmark() {
    }
}
