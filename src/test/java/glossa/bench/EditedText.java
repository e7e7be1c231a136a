package glossa.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A text after an edit script, remembering for every character which character of the original it
 * came from or stands in for (-1 for inserted ones), so the true new place of any passage is known
 * whatever the anchoring algorithm thinks.
 */
final class EditedText {

    private final String original;
    private final StringBuilder text;
    private final List<Integer> origin;

    private EditedText(String original) {
        this.original = original;
        this.text = new StringBuilder(original);
        this.origin = new ArrayList<>(original.length());
        for (int i = 0; i < original.length(); i++) {
            origin.add(i);
        }
    }

    static EditedText of(String original) {
        return new EditedText(original);
    }

    static EditedText apply(String original, List<Edit> edits) {
        EditedText e = new EditedText(original);
        edits.forEach(e::apply);
        return e;
    }

    String text() {
        return text.toString();
    }

    String original() {
        return original;
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    int indexOf(String s, int from) {
        return text.indexOf(s, from);
    }

    String substring(int start, int end) {
        return text.substring(start, end);
    }

    void apply(Edit e) {
        survivors = null;
        switch (e.op()) {
            case SUBSTITUTE -> {
                List<Integer> replaced = new ArrayList<>(origin.subList(e.at(), e.at() + e.length()));
                remove(e.at(), e.length());
                text.insert(e.at(), e.text());
                for (int j = 0; j < e.text().length(); j++) {
                    // The new characters stand in for the old ones proportionally: a reworded word's
                    // replacement belongs to every passage that held the word.
                    int o = replaced.isEmpty()
                            ? -1
                            : replaced.get(Math.min(
                                    replaced.size() - 1,
                                    j * replaced.size() / e.text().length()));
                    origin.add(e.at() + j, o);
                }
            }
            case INSERT -> {
                text.insert(e.at(), e.text());
                for (int j = 0; j < e.text().length(); j++) {
                    origin.add(e.at() + j, -1);
                }
            }
            case DELETE -> remove(e.at(), e.length());
            case MOVE -> {
                String cut = text.substring(e.at(), e.at() + e.length());
                List<Integer> cutOrigin = new ArrayList<>(origin.subList(e.at(), e.at() + e.length()));
                remove(e.at(), e.length());
                text.insert(e.to(), cut);
                origin.addAll(e.to(), cutOrigin);
            }
        }
    }

    private void remove(int at, int length) {
        text.delete(at, at + length);
        origin.subList(at, at + length).clear();
    }

    /**
     * Where the characters of original range [start, end) are now: from the first to the last of them
     * still in the text, or null when none is left. {@code split} when the survivors lie far apart
     * (a paragraph moved out of the middle of the passage), so that no single span is its true place.
     */
    Truth whereNow(int start, int end) {
        Survivors s = survivors();
        int first = Integer.MAX_VALUE;
        int last = -1;
        int surviving = 0;
        int lettersSurviving = 0;
        int letters = 0;
        for (int o = start; o < end; o++) {
            if (s.count[o] > 0) {
                first = Math.min(first, s.first[o]);
                last = Math.max(last, s.last[o]);
                surviving += s.count[o];
                lettersSurviving += s.letters[o];
            }
            if (Character.isLetterOrDigit(original.charAt(o))) {
                letters++;
            }
        }
        if (last < 0 || lettersSurviving == 0) {
            return Truth.gone();
        }
        boolean split = last + 1 - first > 2 * surviving + 50;
        return new Truth(first, last + 1, Math.min(1, lettersSurviving / (double) Math.max(1, letters)), split);
    }

    private Survivors survivors;

    /** Per original character: where its stand-ins are now (first, last), how many, how many are letters. */
    private Survivors survivors() {
        if (survivors == null || survivors.length != text.length()) {
            Survivors s = new Survivors(original.length(), text.length());
            for (int i = 0; i < origin.size(); i++) {
                int o = origin.get(i);
                if (o >= 0) {
                    if (s.count[o] == 0) {
                        s.first[o] = i;
                    }
                    s.last[o] = i;
                    s.count[o]++;
                    if (Character.isLetterOrDigit(text.charAt(i))) {
                        s.letters[o]++;
                    }
                }
            }
            survivors = s;
        }
        return survivors;
    }

    private static final class Survivors {
        final int length;
        final int[] first;
        final int[] last;
        final int[] count;
        final int[] letters;

        Survivors(int originalLength, int length) {
            this.length = length;
            first = new int[originalLength];
            last = new int[originalLength];
            count = new int[originalLength];
            letters = new int[originalLength];
        }
    }

    /**
     * The true outcome for one passage.
     *
     * @param start first UTF-16 index in the new text, inclusive (-1 when gone)
     * @param end last UTF-16 index, exclusive
     * @param survival share of the passage's letters and digits still in the text, 0..1
     * @param split survivors lie far apart, so the passage has no single true place
     */
    record Truth(int start, int end, double survival, boolean split) {
        static Truth gone() {
            return new Truth(-1, -1, 0, false);
        }

        boolean isGone() {
            return start < 0;
        }
    }
}
