package glossa.anchoring;

/**
 * Checks on where a span carried to a new revision begins and ends: at the quote's own sentence
 * boundaries or word boundaries, rather than at a guess inside a rewritten stretch. Used by
 * {@link RevisionMapping}; indexes are UTF-16 units of the folded texts.
 */
final class SentenceEdges {

    private SentenceEdges() {}

    /**
     * True when a span cut from a quote ends at one of the quote's own sentence boundaries: its head is
     * the start of a sentence inside the quote, or its tail the end of one. That is where whole sentences
     * are deleted; a cut anywhere else is a guess inside a rewritten sentence.
     */
    static boolean cutAtSentence(String quote, String text, int at, boolean head) {
        if (head) {
            if (at >= text.length() || !Character.isLetterOrDigit(text.charAt(at))) {
                return false;
            }
            String begins = text.substring(at, Math.min(text.length(), at + MappingWeights.EDGE));
            int k = Math.max(
                    quote.indexOf(". " + begins), Math.max(quote.indexOf("! " + begins), quote.indexOf("? " + begins)));
            return k >= 0
                    && !nearby(
                            quote.substring(Math.max(0, k + 1 - MappingWeights.NEARBY), k + 1),
                            text,
                            at - quote.length() - MappingWeights.SPREAD_SLACK,
                            at);
        }
        if (at <= 0 || !isSentenceEnd(text.charAt(at - 1))) {
            return false;
        }
        String ends = text.substring(Math.max(0, at - MappingWeights.EDGE), at);
        int k = quote.indexOf(ends + " ");
        if (k < 0) {
            return false;
        }
        String lost = quote.substring(k + ends.length()).strip();
        return !nearby(
                lost.substring(0, Math.min(MappingWeights.NEARBY, lost.length())),
                text,
                at,
                at + quote.length() + MappingWeights.SPREAD_SLACK);
    }

    /**
     * True when {@code part} of a quote is in {@code text[from, to)}: the words cut off are still beside
     * the span, past an inserted passage, so they were not deleted and the cut would be silent.
     */
    static boolean nearby(String part, String text, int from, int to) {
        if (part.isBlank()) {
            return false;
        }
        int f = Math.max(0, from);
        int at = text.indexOf(part, f);
        return at >= 0 && at + part.length() <= Math.min(text.length(), to);
    }

    /**
     * A sentence's end left at the head of a span when the sentence before it was deleted is not the
     * quote's (which begins with a letter): the span starts after it.
     */
    static int skipSentenceEnd(String quote, String text, int start, int end) {
        if (!Character.isLetterOrDigit(quote.charAt(0))
                || start + 1 >= end
                || !isSentenceEnd(text.charAt(start))
                || !Character.isWhitespace(text.charAt(start + 1))) {
            return start;
        }
        int s = start + 1;
        while (s < end && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        return s;
    }

    static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /**
     * A span that begins or ends inside a word, or on punctuation where the quote has a letter, is a
     * guess at where a changed stretch ends (".)\nStalin's", "hough Marx"), never the note's words.
     */
    static boolean onWordBoundaries(String quote, String text, int start, int end, boolean head) {
        if (head) {
            return !Character.isLetterOrDigit(quote.charAt(0))
                    || Character.isLetterOrDigit(text.charAt(start))
                            && (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)));
        }
        return !Character.isLetterOrDigit(quote.charAt(quote.length() - 1))
                || Character.isLetterOrDigit(text.charAt(end - 1))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}
