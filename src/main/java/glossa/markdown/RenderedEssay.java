package glossa.markdown;

import glossa.anchoring.CanonicalText;

/**
 * An essay's Markdown rendered once: the HTML of its content (the children of the essay root) and
 * the canonical text computed from exactly that HTML.
 */
public record RenderedEssay(String html, CanonicalText canonicalText) {

    /** Words: runs of letters or digits, apostrophes and hyphens inside them kept. */
    public int wordCount() {
        int count = 0;
        boolean inWord = false;
        String text = canonicalText.text();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(cp);
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar || (inWord && (cp == '\'' || cp == '\u2019' || cp == '-'));
            i += Character.charCount(cp);
        }
        return count;
    }
}
