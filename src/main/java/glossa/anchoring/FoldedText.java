package glossa.anchoring;

/**
 * A text with its typographic variants folded away, so that anchoring compares words, not glyphs:
 * curly and straight quote marks, every dash and a run of hyphens, an ellipsis and three dots, any run
 * of spaces (a run holding a line break folds to one line break, others to one space), and case.
 * Both directions of the index mapping are kept, so a passage found in the folded text is reported on
 * the real characters. Indexes are UTF-16 units; end indexes are exclusive.
 */
final class FoldedText {

    private final String folded;
    /** For each folded character, the original range [start, end) it came from. */
    private final int[] origStart;

    private final int[] origEnd;
    /** For each original character, the folded range [start, end) its unit produced (length+1 entries). */
    private final int[] foldStart;

    private final int[] foldEnd;

    FoldedText(String text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int ellipses = 0;
        for (int i = 0; i < n; i++) {
            ellipses += text.charAt(i) == '\u2026' ? 1 : 0;
        }
        // An ellipsis folds to three characters; everything else to at most one.
        int[] os = new int[n + 2 * ellipses + 1];
        int[] oe = new int[n + 2 * ellipses + 1];
        foldStart = new int[n + 1];
        foldEnd = new int[n + 1];
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int unitEnd = i + 1;
            // Each unit of the original folds to one character, except an ellipsis, which folds to three dots.
            int count = 1;
            char single;
            if (isSpace(c)) {
                boolean lineBreak = false;
                unitEnd = i;
                while (unitEnd < n && isSpace(text.charAt(unitEnd))) {
                    lineBreak |= text.charAt(unitEnd) == '\n';
                    unitEnd++;
                }
                single = lineBreak ? '\n' : ' ';
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (unitEnd < n && text.charAt(unitEnd) == '-') {
                    unitEnd++;
                }
                single = '-';
            } else if (c == '\u2026') {
                count = 3;
                single = '.';
            } else {
                single = fold(c);
            }
            int from = out.length();
            for (int k = 0; k < count; k++) {
                os[out.length()] = i;
                oe[out.length()] = unitEnd;
                out.append(single);
            }
            for (int j = i; j < unitEnd; j++) {
                foldStart[j] = from;
                foldEnd[j] = out.length();
            }
            i = unitEnd;
        }
        foldStart[n] = out.length();
        foldEnd[n] = out.length();
        this.folded = out.toString();
        this.origStart = java.util.Arrays.copyOf(os, folded.length() + 1);
        this.origEnd = java.util.Arrays.copyOf(oe, folded.length() + 1);
        origStart[folded.length()] = n;
        origEnd[folded.length()] = n;
    }

    private static boolean isSpace(char c) {
        if (c < 128) {
            // ASCII first: this runs once per character of every revision.
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C' && c <= '\u001F';
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** One character folded: quote marks to ASCII, dashes to a hyphen, letters to lower case. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '`' ? '\'' : c;
        }
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> Character.isSurrogate(c) ? c : Character.toLowerCase(c);
        };
    }

    /** The whole text folded. Longer than the original for ellipses, shorter for runs. */
    String text() {
        return folded;
    }

    int length() {
        return folded.length();
    }

    /** The folded index where original character {@code i} (0..length) begins. */
    int foldedStart(int i) {
        return foldStart[i];
    }

    /** The folded index just after the unit holding original character {@code i - 1}: a passage's end. */
    int foldedEnd(int i) {
        return i == 0 ? 0 : foldEnd[i - 1];
    }

    /** The original index where folded character {@code j} (0..length) begins. */
    int originalStart(int j) {
        return origStart[j];
    }

    /** The original index just after the unit that produced folded character {@code j - 1}. */
    int originalEnd(int j) {
        return j == 0 ? 0 : origEnd[j - 1];
    }
}
