package glossa.anchoring;

/**
 * A string addressed by code points, with O(1) conversion between code-point offsets (what selectors
 * use) and UTF-16 indexes (what Java strings and diff-match-patch use).
 */
public final class CodePointText {

    private final String text;
    /** charIndex[cp] = UTF-16 index of code point cp; one extra entry for the end. */
    private final int[] charIndex;
    /** codePoint[i] = code-point offset of UTF-16 index i (a low surrogate maps to its pair's offset). */
    private final int[] codePoint;

    public CodePointText(String text) {
        this.text = text;
        int cps = text.codePointCount(0, text.length());
        this.charIndex = new int[cps + 1];
        this.codePoint = new int[text.length() + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            charIndex[cp] = i;
            int width = Character.charCount(text.codePointAt(i));
            for (int k = 0; k < width; k++) {
                codePoint[i + k] = cp;
            }
            i += width;
            cp++;
        }
        charIndex[cps] = text.length();
        codePoint[text.length()] = cps;
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return charIndex.length - 1;
    }

    public int toChar(int codePointOffset) {
        return charIndex[codePointOffset];
    }

    public int toCodePoint(int charIndex) {
        return codePoint[Math.max(0, Math.min(charIndex, text.length()))];
    }

    public String slice(int start, int end) {
        return text.substring(charIndex[start], charIndex[end]);
    }
}
