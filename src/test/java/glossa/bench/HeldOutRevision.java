package glossa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A second, independent editorial pass over each essay, kept apart from {@link EditGenerator}: written
 * before the anchoring was tuned and never used to tune it, so its figures show how the algorithm does
 * on edits nobody fitted it to. Its habits differ on purpose: sentences merged with semicolons,
 * spaced dashes, paragraphs split, letters dropped or doubled, hedging words inserted, whole sentences
 * rewritten.
 */
final class HeldOutRevision {

    private static final String[] HEDGES = {"indeed ", "in fact, ", "arguably ", "perhaps ", "clearly "};
    private static final String[] REWRITTEN = {
        "What followed is told differently by every side, and the record is thin.",
        "That claim, repeated for decades, rests on a handful of sources.",
        "Nothing in the published statistics supports it.",
    };
    private static final String[] ADDED = {
        "Later scholarship has qualified this view. ",
        "The point deserves a longer treatment than it can get here. ",
        "Memoirs from the period tell the same story. ",
    };

    private final EditedText text;
    private final Random random;
    private final List<Edit> edits = new ArrayList<>();

    private HeldOutRevision(String original, long seed) {
        this.text = EditedText.of(original);
        this.random = new Random(seed);
    }

    static List<Edit> generate(String original, long seed) {
        HeldOutRevision r = new HeldOutRevision(original, seed);
        r.edit();
        return List.copyOf(r.edits);
    }

    private void edit() {
        for (int i = 0; i < 4; i++) {
            mergeSentences();
        }
        for (int at = text.indexOf("\u2014", 0); at >= 0; at = text.indexOf("\u2014", at + 3)) {
            apply(Edit.substitute(at, 1, " \u2013 "));
        }
        for (int at = text.indexOf("\u2019", 0); at >= 0; at = text.indexOf("\u2019", at + 1)) {
            apply(Edit.substitute(at, 1, "'"));
        }
        for (int i = 0; i < 6; i++) {
            int at = wordStart();
            apply(Edit.insert(at, HEDGES[random.nextInt(HEDGES.length)]));
        }
        for (int i = 0; i < 6; i++) {
            int at = wordStart() + 1;
            if (random.nextBoolean()) {
                apply(Edit.delete(at, 1));
            } else {
                apply(Edit.insert(at, String.valueOf(text.charAt(at))));
            }
        }
        for (int i = 0; i < 2; i++) {
            int at = text.indexOf(". ", random.nextInt(text.length()));
            if (at > 0) {
                apply(Edit.substitute(at + 1, 1, "\n"));
            }
        }
        rewriteSentence();
        for (int i = 0; i < 3; i++) {
            int at = text.indexOf(". ", random.nextInt(text.length()));
            if (at > 0) {
                apply(Edit.insert(at + 2, ADDED[random.nextInt(ADDED.length)]));
            }
        }
        int[] para = paragraph();
        String rest = text.substring(0, para[0]) + text.substring(para[1], text.length());
        int to = rest.lastIndexOf("\n", random.nextInt(rest.length())) + 1;
        apply(Edit.move(para[0], para[1] - para[0], to));
        int[] gone = paragraph();
        apply(Edit.delete(gone[0], gone[1] - gone[0]));
    }

    private void apply(Edit e) {
        text.apply(e);
        edits.add(e);
    }

    /** ". The next" becomes "; the next". */
    private void mergeSentences() {
        for (int tries = 0; tries < 100; tries++) {
            int at = text.indexOf(". ", random.nextInt(text.length()));
            if (at > 0
                    && at + 2 < text.length()
                    && Character.isUpperCase(text.charAt(at + 2))
                    && Character.isLowerCase(text.charAt(at + 3))) {
                apply(Edit.substitute(at, 3, "; " + Character.toLowerCase(text.charAt(at + 2))));
                return;
            }
        }
    }

    private void rewriteSentence() {
        for (int tries = 0; tries < 100; tries++) {
            int start = text.indexOf(". ", random.nextInt(text.length())) + 2;
            int end = start < 2 ? -1 : text.indexOf(".", start);
            if (end > start + 40
                    && end < start + 200
                    && text.substring(start, end).indexOf('\n') < 0) {
                apply(Edit.substitute(
                        start, end - start, REWRITTEN[random.nextInt(REWRITTEN.length)].replace(".", "")));
                return;
            }
        }
    }

    private int wordStart() {
        for (int tries = 0; ; tries++) {
            int at = text.indexOf(" ", random.nextInt(text.length() - 5)) + 1;
            if (at > 0
                    && at + 3 < text.length()
                    && Character.isLetter(text.charAt(at))
                    && Character.isLetter(text.charAt(at + 2))) {
                return at;
            }
        }
    }

    /** A whole paragraph with its line break: [start, end). */
    private int[] paragraph() {
        while (true) {
            int start = text.indexOf("\n", random.nextInt(text.length())) + 1;
            int end = start <= 0 ? -1 : text.indexOf("\n", start);
            if (start > 0 && end > start + 40) {
                return new int[] {start, end + 1};
            }
        }
    }
}
