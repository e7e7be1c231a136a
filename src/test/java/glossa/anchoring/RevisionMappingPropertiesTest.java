package glossa.anchoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link RevisionMapping}, each checked on a few hundred random cases drawn from fixed
 * seeds (a failure names its seed and its edits, so it can be replayed): on real essay text, edits
 * outside a note leave it exactly on its words; edits inside make it approximate or an orphan, never
 * a note elsewhere; typographic changes anywhere change nothing.
 */
class RevisionMappingPropertiesTest {

    private static final String TEXT = excerpt("anchoring/living-in-the-shadow-of-stalinism/original.txt", 6000);
    private static final String[] WORDS = {
        "new", "archival", "Soviet", "indeed", "the", "of", "reform", "1937", "quietly", "and"
    };
    private static final int CASES = 300;

    static Stream<Long> seeds() {
        return LongStream.range(0, CASES).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void editsOutsideANoteLeaveItExactlyOnItsWords(long seed) {
        Random random = new Random(seed);
        Edited e = new Edited(TEXT, random, 1);
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            e.editOutside(random);
        }
        Anchor a = e.carry();
        CodePointText now = new CodePointText(e.text.toString());
        assertFalse(a.isOrphan(), e::describe);
        assertFalse(a.changed(), e::describe);
        assertEquals(e.start, now.toChar(a.start()), e::describe);
        assertEquals(e.end, now.toChar(a.end()), e::describe);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void editsInsideANoteMakeItApproximateOrAnOrphanNeverElsewhere(long seed) {
        Random random = new Random(seed);
        Edited e = new Edited(TEXT, random, 3);
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            e.editInside(random);
        }
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            e.editOutside(random);
        }
        assumeFalse(e.unchanged(), "the edits inside cancelled out");
        Anchor a = e.carry();
        if (a.isOrphan()) {
            return;
        }
        CodePointText now = new CodePointText(e.text.toString());
        assertTrue(a.changed(), e::describe);
        int s = now.toChar(a.start());
        int t = now.toChar(a.end());
        int overlap = Math.max(0, Math.min(t, e.end) - Math.max(s, e.start));
        int union = Math.max(t, e.end) - Math.min(s, e.start);
        assertTrue(
                overlap >= 0.5 * union,
                () -> e.describe() + "\n  got: " + now.text().substring(s, t));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void typographicChangesAnywhereKeepANoteExact(long seed) {
        Random random = new Random(seed);
        Edited e = new Edited(TEXT, random, 1);
        e.typographic(random);
        Anchor a = e.carry();
        CodePointText now = new CodePointText(e.text.toString());
        assertFalse(a.changed(), e::describe);
        assertEquals(e.start, now.toChar(a.start()), e::describe);
        assertEquals(e.end, now.toChar(a.end()), e::describe);
    }

    /** A text being edited, with the true place [start, end) of one passage tracked through each edit. */
    private static final class Edited {
        final String original;
        final Target target;
        final StringBuilder text;
        final List<String> log = new ArrayList<>();
        int start;
        int end;

        Edited(String original, Random random, int minWords) {
            this.original = original;
            this.text = new StringBuilder(original);
            List<int[]> words = words();
            while (true) {
                int first = random.nextInt(words.size() - 30);
                int last = first + minWords - 1 + random.nextInt(20);
                start = words.get(first)[0];
                end = words.get(last)[1];
                if (end - start >= 12) {
                    break;
                }
            }
            CodePointText old = new CodePointText(original);
            target = Target.of(old, old.toCodePoint(start), old.toCodePoint(end));
        }

        Anchor carry() {
            return new RevisionMapping(original, text.toString()).carry(target);
        }

        void editOutside(Random random) {
            List<int[]> outside = words().stream()
                    .filter(w -> w[1] + 2 <= start || w[0] >= end + 2)
                    .toList();
            int[] w = outside.get(random.nextInt(outside.size()));
            edit(w, random.nextInt(4), random);
        }

        void editInside(Random random) {
            List<int[]> inside =
                    words().stream().filter(w -> w[0] >= start && w[1] <= end).toList();
            int[] w = inside.get(random.nextInt(inside.size()));
            int op = random.nextInt(4);
            // Text put right at the passage's start is outside it; deleting needs words left on both sides.
            if (op % 2 == 0 && w[0] == start || op == 3 && (inside.size() < 3 || w[1] + 1 >= end)) {
                op = 1;
            }
            edit(w, op, random);
        }

        private void edit(int[] w, int op, Random random) {
            String word = text.substring(w[0], w[1]);
            switch (op) {
                case 0 -> replace(w[0], 0, WORDS[random.nextInt(WORDS.length)] + " ");
                case 1 -> {
                    String other = WORDS[random.nextInt(WORDS.length)];
                    // A replacement that begins or ends with the old word, or differs only in case, leaves
                    // the old words in place.
                    String lower = other.toLowerCase(java.util.Locale.ROOT);
                    String old = word.toLowerCase(java.util.Locale.ROOT);
                    boolean keepsOld = lower.startsWith(old) || lower.endsWith(old);
                    replace(w[0], word.length(), keepsOld ? "x" + other + "x" : other);
                }
                case 2 -> replace(w[0], 0, WORDS[random.nextInt(WORDS.length)] + " ");
                default -> {
                    if (op == 3 && text.charAt(w[1]) == ' ') {
                        replace(w[0], word.length() + 1, "");
                    } else if (word.length() >= 3 && word.charAt(1) != word.charAt(2)) {
                        replace(w[0] + 1, 2, "" + word.charAt(2) + word.charAt(1));
                    } else {
                        replace(w[0], word.length(), word + "x");
                    }
                }
            }
        }

        void typographic(Random random) {
            for (int i = text.length() - 1; i >= 0; i--) {
                char c = text.charAt(i);
                String plain = switch (c) {
                    case '\u2018', '\u2019' -> "'";
                    case '\u201C', '\u201D' -> "\"";
                    case '\u2014' -> "--";
                    case '\u2013' -> "-";
                    case '\u2026' -> "...";
                    case ' ' -> random.nextInt(20) == 0 ? "  " : null;
                    default -> null;
                };
                if (plain != null && random.nextInt(3) > 0) {
                    replace(i, 1, plain);
                }
            }
        }

        /** Replaces {@code length} characters at {@code at}, moving the passage's true place with the text. */
        private void replace(int at, int length, String with) {
            log.add("at " + at + " replace " + show(text.substring(at, at + length)) + " by " + show(with));
            text.replace(at, at + length, with);
            int delta = with.length() - length;
            // Edits before the passage end before it (they keep a margin); an edit at its first character is inside.
            if (at < start) {
                start += delta;
            }
            if (at < end) {
                end += delta;
            }
        }

        private List<int[]> words() {
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < text.length(); ) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    int j = i;
                    while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
                        j++;
                    }
                    out.add(new int[] {i, j});
                    i = j;
                } else {
                    i++;
                }
            }
            return out;
        }

        boolean unchanged() {
            return text.substring(start, end).equals(target.quote().exact());
        }

        String describe() {
            return "passage "
                    + show(original.substring(
                            target.position().start(), target.position().end())) + "\n  now: "
                    + show(text.substring(start, end)) + "\n  edits: " + log;
        }

        private static String show(String s) {
            return "\u00AB" + s.replace("\n", "\\n") + "\u00BB";
        }
    }

    private static String excerpt(String resource, int length) {
        try (InputStream in =
                RevisionMappingPropertiesTest.class.getClassLoader().getResourceAsStream(resource)) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(0, all.indexOf('\n', length) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
