package glossa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the edit scripts of the anchoring benchmark: for one essay and one {@link EditKind}, the edits
 * an editor of that kind would make, at random places drawn from a fixed seed. The scripts are
 * committed as fixtures; this class only regenerates them.
 */
final class EditGenerator {

    static final String[] NEW_SENTENCES = {
        "This sentence was added in a later revision. ",
        "Historians still disagree about the figures. ",
        "The archives opened after 1991 changed much of this picture. ",
        "Contemporary observers saw it differently. ",
        "See the notes at the end for sources. ",
        "Not every reader will accept this. ",
        "The same pattern recurs elsewhere in the period. ",
        "Few of these documents were published at the time. ",
    };

    /** British and American spellings, in both directions. */
    static final String[][] SPELLINGS = {
        {"organise", "organize"},
        {"organised", "organized"},
        {"organising", "organizing"},
        {"organisation", "organization"},
        {"organisations", "organizations"},
        {"Organisation", "Organization"},
        {"labour", "labor"},
        {"Labour", "Labor"},
        {"centre", "center"},
        {"defence", "defense"},
        {"favour", "favor"},
        {"recognise", "recognize"},
        {"recognised", "recognized"},
        {"realise", "realize"},
        {"realised", "realized"},
        {"criticise", "criticize"},
        {"criticised", "criticized"},
        {"behaviour", "behavior"},
        {"colour", "color"},
        {"honour", "honor"},
        {"analyse", "analyze"},
        {"analysed", "analyzed"},
    };

    static final String[][] SYNONYMS = {
        {"however", "yet"},
        {"many", "numerous"},
        {"very", "highly"},
        {"also", "likewise"},
        {"people", "citizens"},
        {"because", "since"},
        {"often", "frequently"},
        {"large", "vast"},
        {"important", "significant"},
        {"began", "started"},
        {"during", "throughout"},
        {"while", "whereas"},
        {"between", "among"},
        {"became", "grew into"},
        {"would", "might"},
        {"against", "opposed to"},
        {"about", "around"},
        {"power", "authority"},
        {"state", "government"},
        {"leaders", "chiefs"},
        {"history", "past"},
    };

    private final EditedText text;
    private final Random random;
    private final List<Edit> edits = new ArrayList<>();

    private EditGenerator(String original, Random random) {
        this.text = EditedText.of(original);
        this.random = random;
    }

    static List<Edit> generate(String original, EditKind kind, long seed) {
        EditGenerator g = new EditGenerator(original, new Random(seed));
        switch (kind) {
            case TYPOGRAPHIC -> g.typographic(3, 5);
            case SPELLING -> g.spelling();
            case SENTENCE_INSERTED -> g.insertSentences(6);
            case SENTENCE_DELETED -> g.deleteSentences(6);
            case SENTENCE_SPLIT -> g.splitSentences(0.6);
            case REWORDING -> g.reword(15);
            case LETTER_SWAP -> g.swapLetters(15);
            case PARAGRAPH_MOVED -> g.moveParagraphs(2);
            case PASSAGE_DELETED -> g.deletePassages(2);
            case MIXED -> {
                g.typographic(2, 3);
                g.spelling();
                g.insertSentences(3);
                g.deleteSentences(3);
                g.splitSentences(0.3);
                g.reword(8);
                g.swapLetters(8);
                g.moveParagraphs(1);
                g.deletePassages(1);
            }
        }
        return List.copyOf(g.edits);
    }

    private void apply(Edit e) {
        text.apply(e);
        edits.add(e);
    }

    private void typographic(int paragraphs, int doubledSpaces) {
        for (int p = 0; p < paragraphs; p++) {
            int[] para = randomParagraph();
            for (int i = para[1] - 1; i >= para[0]; i--) {
                char c = text.charAt(i);
                String plain = switch (c) {
                    case '\u2018', '\u2019' -> "'";
                    case '\u201C', '\u201D' -> "\"";
                    case '\u2014' -> "--";
                    case '\u2013' -> "-";
                    case '\u2026' -> "...";
                    default -> null;
                };
                if (plain != null) {
                    apply(Edit.substitute(i, 1, plain));
                }
            }
        }
        for (int i = 0; i < doubledSpaces; i++) {
            int at = text.indexOf(". ", random.nextInt(text.length()));
            if (at > 0) {
                apply(Edit.insert(at + 1, " "));
            }
        }
        for (int i = 0; i < doubledSpaces; i++) {
            int at = text.indexOf(" ", random.nextInt(text.length()));
            if (at > 0) {
                apply(Edit.substitute(at, 1, "\u00A0"));
            }
        }
    }

    private void spelling() {
        // House style wins: whichever convention the essay uses more is converted to the other, so
        // that every essay with variant spellings gets edited (a coin toss left most of them untouched).
        int british = 0;
        int american = 0;
        for (String[] pair : SPELLINGS) {
            british += count(pair[0]);
            american += count(pair[1]);
        }
        boolean toAmerican = british >= american;
        for (String[] pair : SPELLINGS) {
            String from = toAmerican ? pair[0] : pair[1];
            String to = toAmerican ? pair[1] : pair[0];
            for (int at = wordAt(from, 0); at >= 0; at = wordAt(from, at + to.length())) {
                apply(Edit.substitute(at, from.length(), to));
            }
        }
    }

    private void insertSentences(int n) {
        for (int i = 0; i < n; i++) {
            apply(Edit.insert(sentenceStart(), NEW_SENTENCES[random.nextInt(NEW_SENTENCES.length)]));
        }
    }

    private void deleteSentences(int n) {
        for (int i = 0; i < n; i++) {
            int s = sentenceStart();
            int end = text.indexOf(". ", s);
            int line = text.indexOf("\n", s);
            if (end > s && end - s < 400 && (line < 0 || end < line)) {
                apply(Edit.delete(s, end + 2 - s));
            }
        }
    }

    private void splitSentences(double share) {
        for (int at = text.indexOf(", and ", 0); at >= 0; at = text.indexOf(", and ", at + 1)) {
            if (random.nextDouble() < share) {
                apply(Edit.substitute(at, 3, ". A"));
            }
        }
    }

    private void reword(int n) {
        for (int done = 0, tries = 0; done < n && tries < 500; tries++) {
            String[] pair = SYNONYMS[random.nextInt(SYNONYMS.length)];
            int at = wordAt(pair[0], random.nextInt(text.length()));
            if (at >= 0) {
                apply(Edit.substitute(at, pair[0].length(), pair[1]));
                done++;
            }
        }
    }

    private void swapLetters(int n) {
        for (int done = 0, tries = 0; done < n && tries < 500; tries++) {
            int at = random.nextInt(text.length() - 2);
            char a = text.charAt(at);
            char b = text.charAt(at + 1);
            if (Character.isLowerCase(a)
                    && Character.isLowerCase(b)
                    && a != b
                    && at > 0
                    && Character.isLetter(text.charAt(at - 1))) {
                apply(Edit.substitute(at, 2, "" + b + a));
                done++;
            }
        }
    }

    private void moveParagraphs(int n) {
        for (int i = 0; i < n; i++) {
            int[] para = randomParagraph();
            int length = para[1] + 1 - para[0];
            if (para[1] >= text.length()) {
                continue;
            }
            String rest = text.substring(0, para[0]) + text.substring(para[1] + 1, text.length());
            int to = rest.indexOf("\n", random.nextInt(rest.length())) + 1;
            if (to <= 0) {
                to = 0;
            }
            apply(Edit.move(para[0], length, to));
        }
    }

    private void deletePassages(int paragraphs) {
        for (int i = 0; i < paragraphs; i++) {
            int[] para = randomParagraph();
            apply(Edit.delete(para[0], Math.min(text.length(), para[1] + 1) - para[0]));
        }
        int s = sentenceStart();
        int end = s;
        for (int k = 0; k < 3; k++) {
            int next = text.indexOf(". ", end);
            int line = text.indexOf("\n", end);
            if (next < 0 || (line >= 0 && line < next)) {
                break;
            }
            end = next + 2;
        }
        if (end > s) {
            apply(Edit.delete(s, end - s));
        }
    }

    /** A paragraph of at least 80 characters: [start, end) without its line break. */
    private int[] randomParagraph() {
        for (int tries = 0; ; tries++) {
            int start = text.indexOf("\n", random.nextInt(text.length())) + 1;
            int end = start <= 0 ? -1 : text.indexOf("\n", start);
            if (start > 0 && end > start + 80 || tries > 200 && start > 0 && end > start) {
                return new int[] {start, end};
            }
        }
    }

    private int sentenceStart() {
        int at = text.indexOf(". ", random.nextInt(text.length() - 10));
        return at < 0 ? 0 : at + 2;
    }

    private int count(String word) {
        int n = 0;
        for (int at = wordAt(word, 0); at >= 0; at = wordAt(word, at + 1)) {
            n++;
        }
        return n;
    }

    /** The first whole-word occurrence of {@code word} at or after {@code from}, or -1. */
    private int wordAt(String word, int from) {
        for (int at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean before = at == 0 || !Character.isLetter(text.charAt(at - 1));
            boolean after = at + word.length() >= text.length() || !Character.isLetter(text.charAt(at + word.length()));
            if (before && after) {
                return at;
            }
        }
        return -1;
    }
}
