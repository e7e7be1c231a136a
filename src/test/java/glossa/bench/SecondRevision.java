package glossa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third editor, written after the anchoring was tuned and apart from both {@link EditGenerator} and
 * {@link HeldOutRevision}, to find where notes land on the wrong words without turning the held-out
 * revision into a tuning set. Each kind of edit is its own method with its own habits: candidates are
 * listed by regular expression over the whole current text and drawn uniformly, rather than found by
 * scanning forward from a random offset as the other two do.
 */
final class SecondRevision {

    static final long SEED = 7_340_021L;

    /** The kinds this editor makes; each can be applied alone or all together. */
    enum Kind {
        TYPOGRAPHIC,
        SPELLING,
        SENTENCE_INSERTED,
        SENTENCE_DELETED,
        SENTENCE_SPLIT,
        REWORDING,
        LETTER_SWAP,
        PARAGRAPH_MOVED
    }

    private static final String[] SENTENCES = {
        "Critics have answered this in several ways.",
        "The evidence here is mostly indirect.",
        "Much of it was written long after the fact.",
        "Some of these claims are still contested today.",
        "The party press said otherwise.",
    };
    private static final String[][] PHRASES = {
        {"in order to", "to"}, {"a number of", "several"}, {"at the time", "then"}, {"as well as", "and"},
        {"the fact that", "that"}, {"in the end", "finally"}, {"of the", "from the"}, {"it was", "this was"},
        {"there was", "there existed"}, {"did not", "didn't"}, {"could not", "couldn't"}, {"which", "that"},
        {"the working class", "the workers"}, {"so-called", "supposed"}, {"must", "has to"},
    };
    private static final Pattern WORD = Pattern.compile("\\b[a-z]{5,}\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?] (?=[A-Z])");
    private static final Pattern BRITISH = Pattern.compile("\\b[A-Za-z]+(is(e|ed|es|ing|ation)|our|tre)\\b");

    private final EditedText text;
    private final Random random;
    private final List<Edit> edits = new ArrayList<>();

    private SecondRevision(String original, long seed) {
        this.text = EditedText.of(original);
        this.random = new Random(seed);
    }

    /** One kind alone, or every kind when {@code kind} is null, in an order of its own. */
    static List<Edit> generate(String original, Kind kind, long seed) {
        SecondRevision r = new SecondRevision(original, seed);
        for (Kind k : kind == null
                ? List.of(
                        Kind.SENTENCE_DELETED,
                        Kind.REWORDING,
                        Kind.PARAGRAPH_MOVED,
                        Kind.SPELLING,
                        Kind.SENTENCE_SPLIT,
                        Kind.LETTER_SWAP,
                        Kind.TYPOGRAPHIC,
                        Kind.SENTENCE_INSERTED)
                : List.of(kind)) {
            r.edit(k);
        }
        return List.copyOf(r.edits);
    }

    private void edit(Kind kind) {
        switch (kind) {
            case TYPOGRAPHIC -> typographic();
            case SPELLING -> spelling();
            case SENTENCE_INSERTED -> repeat(5, this::insertSentence);
            case SENTENCE_DELETED -> repeat(5, this::deleteSentence);
            case SENTENCE_SPLIT -> repeat(8, this::splitSentence);
            case REWORDING -> repeat(12, this::reword);
            case LETTER_SWAP -> repeat(10, this::typo);
            case PARAGRAPH_MOVED -> repeat(2, this::moveParagraph);
        }
    }

    private static void repeat(int n, Runnable r) {
        for (int i = 0; i < n; i++) {
            r.run();
        }
    }

    private void apply(Edit e) {
        text.apply(e);
        edits.add(e);
    }

    private List<int[]> matches(Pattern p) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text.text());
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    private int[] pick(List<int[]> candidates) {
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    /** Half the apostrophes and double quotes straightened, spaced hyphens for em dashes, "..." for ellipses, a few no-break spaces. */
    private void typographic() {
        List<int[]> marks = matches(Pattern.compile("[\u2019\u201C\u201D\u2026\u2014]"));
        // From the end backwards, so that each replacement leaves the offsets still to come unchanged.
        for (int i = marks.size() - 1; i >= 0; i--) {
            int at = marks.get(i)[0];
            if (random.nextBoolean()) {
                String to = switch (text.charAt(at)) {
                    case '\u2019' -> "'";
                    case '\u2026' -> "...";
                    case '\u2014' -> " - ";
                    default -> "\"";
                };
                apply(Edit.substitute(at, 1, to));
            }
        }
        for (int i = 0; i < 4; i++) {
            int[] m = pick(matches(Pattern.compile("(?<=\\d) (?=[A-Za-z])")));
            if (m != null) {
                apply(Edit.substitute(m[0], 1, "\u00A0"));
            }
        }
    }

    /** British endings made American, in about two thirds of the words that have them. */
    private void spelling() {
        List<int[]> words = matches(BRITISH);
        for (int i = words.size() - 1; i >= 0; i--) {
            int[] m = words.get(i);
            if (random.nextInt(3) == 0) {
                continue;
            }
            String w = text.substring(m[0], m[1]);
            String to = w.replaceFirst("is(e|ed|es|ing|ation)$", "iz$1")
                    .replaceFirst("our$", "or")
                    .replaceFirst("tre$", "ter");
            if (!to.equals(w)) {
                apply(Edit.substitute(m[0], w.length(), to));
            }
        }
    }

    private void insertSentence() {
        List<int[]> ends = matches(SENTENCE_END);
        int[] m = pick(ends);
        if (m != null) {
            apply(Edit.insert(m[0] + 2, SENTENCES[random.nextInt(SENTENCES.length)] + " "));
        }
    }

    /** A sentence that is neither the first nor the last of its paragraph, with the space after it. */
    private void deleteSentence() {
        List<int[]> ends = matches(SENTENCE_END);
        for (int tries = 0; tries < 50 && ends.size() > 1; tries++) {
            int i = random.nextInt(ends.size() - 1);
            int start = ends.get(i)[1];
            int end = ends.get(i + 1)[1];
            if (text.substring(start, end).indexOf('\n') < 0 && end - start < 400) {
                apply(Edit.delete(start, end - start));
                return;
            }
        }
    }

    /** ", and the war" becomes ". The war": the conjunction dropped, not kept. */
    private void splitSentence() {
        int[] m = pick(matches(Pattern.compile(", and [a-z]")));
        if (m != null) {
            apply(Edit.substitute(m[0], m[1] - m[0], ". " + Character.toUpperCase(text.charAt(m[1] - 1))));
        }
    }

    /** A stock phrase shortened or lengthened, else a word replaced by another word of the same essay. */
    private void reword() {
        String[] pair = PHRASES[random.nextInt(PHRASES.length)];
        int[] m = pick(matches(Pattern.compile("\\b" + Pattern.quote(pair[0]) + "\\b")));
        if (m != null) {
            apply(Edit.substitute(m[0], m[1] - m[0], pair[1]));
            return;
        }
        List<int[]> words = matches(WORD);
        int[] w = pick(words);
        int[] other = pick(words);
        if (w != null) {
            apply(Edit.substitute(w[0], w[1] - w[0], text.substring(other[0], other[1])));
        }
    }

    /** Two letters swapped, possibly not adjacent ones: "recieve", "goverment" are both typos. */
    private void typo() {
        int[] w = pick(matches(WORD));
        if (w == null) {
            return;
        }
        int a = w[0] + 1 + random.nextInt(w[1] - w[0] - 2);
        int b = Math.min(w[1] - 1, a + 1 + random.nextInt(2));
        if (text.charAt(a) != text.charAt(b)) {
            String s = text.substring(a, b + 1);
            apply(Edit.substitute(
                    a, s.length(), s.charAt(s.length() - 1) + s.substring(1, s.length() - 1) + s.charAt(0)));
        }
    }

    /** A paragraph swapped with its neighbour, or sent to the end. */
    private void moveParagraph() {
        List<int[]> paras = matches(Pattern.compile("(?m)^.{60,}\\n"));
        if (paras.size() < 3) {
            return;
        }
        int i = random.nextInt(paras.size() - 1);
        int[] p = paras.get(i);
        int len = p[1] - p[0];
        int to = random.nextBoolean() ? paras.get(i + 1)[1] - len : text.length() - len;
        if (text.charAt(text.length() - 1) != '\n' && to == text.length() - len) {
            to = paras.get(i + 1)[1] - len;
        }
        apply(Edit.move(p[0], len, to));
    }

    static String label(Kind kind) {
        return kind == null
                ? "all kinds at once"
                : kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
