package glossa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A text edited the way essays are corrected, remembering for every character of the result which
 * character of the original it came from (-1 for new ones), so the true new place of any passage
 * is known.
 */
final class EditedText {

    private static final int TYPO_FIXES = 8;
    private static final int INSERTED_SENTENCES = 3;
    private static final int DELETED_SENTENCES = 3;
    private static final int QUOTE_PARAGRAPHS = 2;
    private static final int DOUBLED_SPACES = 5;

    private final StringBuilder text;
    private final List<Integer> origin;

    private EditedText(String original) {
        this.text = new StringBuilder(original);
        this.origin = new ArrayList<>(original.length());
        for (int i = 0; i < original.length(); i++) {
            origin.add(i);
        }
    }

    String text() {
        return text.toString();
    }

    static EditedText edit(String original, Random random) {
        EditedText e = new EditedText(original);
        for (int i = 0; i < TYPO_FIXES; i++) {
            e.fixTypo(random);
        }
        for (int i = 0; i < INSERTED_SENTENCES; i++) {
            e.insertAt(e.sentenceBoundary(random), "This sentence was added in a later revision. ");
        }
        for (int i = 0; i < DELETED_SENTENCES; i++) {
            int s = e.sentenceBoundary(random);
            int end = e.text.indexOf(". ", s);
            if (end > s && end - s < 400) {
                e.delete(s, end + 2);
            }
        }
        e.moveParagraph(random);
        for (int i = 0; i < QUOTE_PARAGRAPHS; i++) {
            e.straightenQuotes(random);
        }
        for (int i = 0; i < DOUBLED_SPACES; i++) {
            int at = e.text.indexOf(" ", random.nextInt(e.text.length()));
            if (at > 0) {
                e.insertAt(at, " ");
            }
        }
        return e;
    }

    /** Where the characters of old range [start, end) are now: their span, or null if all are gone. */
    int[] whereNow(int start, int end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < origin.size(); i++) {
            int o = origin.get(i);
            if (o >= start && o < end) {
                if (first < 0 || i < first) {
                    first = i;
                }
                last = Math.max(last, i);
            }
        }
        if (first < 0) {
            return null;
        }
        int surviving = 0;
        for (int i = first; i <= last; i++) {
            int o = origin.get(i);
            if (o >= start && o < end) {
                surviving++;
            }
        }
        // Pieces of the passage now far apart (a paragraph moved out of its middle): no single true place.
        boolean split = last + 1 - first > 2 * surviving + 50;
        return new int[] {first, last + 1, split ? 1 : 0};
    }

    private void fixTypo(Random random) {
        for (int tries = 0; tries < 50; tries++) {
            int at = random.nextInt(text.length() - 10);
            if (Character.isLowerCase(text.charAt(at)) && Character.isLowerCase(text.charAt(at + 1))) {
                char replacement = (char) ('a' + random.nextInt(26));
                text.setCharAt(at + 1, replacement);
                origin.set(at + 1, -1);
                return;
            }
        }
    }

    private int sentenceBoundary(Random random) {
        int at = text.indexOf(". ", random.nextInt(text.length() - 10));
        return at < 0 ? 0 : at + 2;
    }

    private void insertAt(int at, String s) {
        text.insert(at, s);
        for (int i = 0; i < s.length(); i++) {
            origin.add(at, -1);
        }
    }

    private void delete(int start, int end) {
        text.delete(start, end);
        origin.subList(start, end).clear();
    }

    private void moveParagraph(Random random) {
        int start = text.indexOf("\n", random.nextInt(text.length() / 2)) + 1;
        int end = text.indexOf("\n", start) + 1;
        if (start <= 0 || end <= start) {
            return;
        }
        String para = text.substring(start, end);
        List<Integer> paraOrigin = new ArrayList<>(origin.subList(start, end));
        delete(start, end);
        int target = text.indexOf("\n", start + random.nextInt(Math.max(1, text.length() - start - 1))) + 1;
        if (target <= 0) {
            target = text.length();
        }
        text.insert(target, para);
        origin.addAll(target, paraOrigin);
    }

    private void straightenQuotes(Random random) {
        int start = text.indexOf("\n", random.nextInt(text.length())) + 1;
        int end = text.indexOf("\n", start);
        if (start <= 0 || end < 0) {
            return;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char straight = c == '\u2019' || c == '\u2018' ? '\'' : c == '\u201C' || c == '\u201D' ? '"' : c;
            if (straight != c) {
                text.setCharAt(i, straight);
                origin.set(i, -1);
            }
        }
    }
}
