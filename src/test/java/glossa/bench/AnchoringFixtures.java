package glossa.bench;

import glossa.markdown.EssayRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The committed fixtures of the anchoring benchmark, under {@code src/test/resources/anchoring/}: for each
 * essay its canonical text ({@code original.txt}), random passages ({@code passages.tsv}, UTF-16
 * start and end), one edit script per {@link EditKind}, and the held-out revision with its own
 * passages. Committed so that the floors do not move when the corpus or the renderer does;
 * {@link #main} regenerates them from fixed seeds ({@code bin/bench AnchoringFixtures}).
 */
final class AnchoringFixtures {

    static final long SEED = 20261125L;
    static final long HELD_OUT_SEED = 99_173L;
    static final int PASSAGES = 1000;
    static final int HELD_OUT_PASSAGES = 600;
    private static final String ROOT = "anchoring/";

    /** One essay's fixtures. */
    record Essay(String slug, String original, List<int[]> passages, List<int[]> heldOutPassages) {
        List<Edit> edits(EditKind kind) {
            return readEdits(slug + "/" + kind.fileName());
        }

        List<Edit> heldOutEdits() {
            return readEdits(slug + "/heldout-edits.tsv");
        }
    }

    static List<Essay> load() {
        List<Essay> essays = new ArrayList<>();
        for (String slug : read("essays.txt").strip().split("\n")) {
            essays.add(new Essay(
                    slug,
                    read(slug + "/original.txt"),
                    readPassages(slug + "/passages.tsv"),
                    readPassages(slug + "/heldout-passages.tsv")));
        }
        return essays;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("src/test/resources/anchoring");
        EssayRenderer renderer = new EssayRenderer();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        StringBuilder index = new StringBuilder();
        for (int e = 0; e < files.size(); e++) {
            String slug = files.get(e).getFileName().toString().replace(".md", "");
            String text = renderer.render(Files.readString(files.get(e)))
                    .canonicalText()
                    .text();
            Path dir = Files.createDirectories(root.resolve(slug));
            Files.writeString(dir.resolve("original.txt"), text);
            writePassages(dir.resolve("passages.tsv"), passages(text, new Random(SEED + e), PASSAGES, 10, 200));
            for (EditKind kind : EditKind.values()) {
                writeEdits(
                        dir.resolve(kind.fileName()),
                        EditGenerator.generate(text, kind, SEED + 1000L * e + kind.ordinal()));
            }
            writePassages(
                    dir.resolve("heldout-passages.tsv"),
                    passages(text, new Random(HELD_OUT_SEED + e), HELD_OUT_PASSAGES, 4, 300));
            writeEdits(dir.resolve("heldout-edits.tsv"), HeldOutRevision.generate(text, HELD_OUT_SEED * 31 + e));
            index.append(slug).append('\n');
        }
        Files.writeString(root.resolve("essays.txt"), index);
    }

    /** Passages of {@code min} to {@code max} UTF-16 units starting and ending at word boundaries. */
    static List<int[]> passages(String text, Random random, int n, int min, int max) {
        List<int[]> out = new ArrayList<>();
        while (out.size() < n) {
            int start = random.nextInt(text.length() - max - 20);
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            int end = start + min + random.nextInt(max - min);
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (!text.substring(start, end).isBlank()
                    && !Character.isWhitespace(text.charAt(start))
                    && !Character.isWhitespace(text.charAt(end - 1))) {
                out.add(new int[] {start, end});
            }
        }
        return out;
    }

    private static void writePassages(Path file, List<int[]> passages) throws IOException {
        StringBuilder out = new StringBuilder();
        passages.forEach(p -> out.append(p[0]).append('\t').append(p[1]).append('\n'));
        Files.writeString(file, out);
    }

    private static void writeEdits(Path file, List<Edit> edits) throws IOException {
        StringBuilder out = new StringBuilder();
        edits.forEach(e -> out.append(e.toLine()).append('\n'));
        Files.writeString(file, out);
    }

    private static List<int[]> readPassages(String name) {
        List<int[]> out = new ArrayList<>();
        for (String line : read(name).split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t");
                out.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
            }
        }
        return out;
    }

    private static List<Edit> readEdits(String name) {
        List<Edit> out = new ArrayList<>();
        for (String line : read(name).split("\n")) {
            if (!line.isEmpty()) {
                out.add(Edit.fromLine(line));
            }
        }
        return out;
    }

    private static String read(String name) {
        try (InputStream in = AnchoringFixtures.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing fixture " + ROOT + name + " (regenerate: bin/bench AnchoringFixtures)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AnchoringFixtures() {}
}
