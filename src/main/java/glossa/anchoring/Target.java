package glossa.anchoring;

/** Where a note points: a passage by position and by quote, both over one revision's canonical text. */
public record Target(TextPositionSelector position, TextQuoteSelector quote) {

    /** The target of code points {@code start..end} of {@code text}, with its quote and context. */
    public static Target of(CodePointText text, int start, int end) {
        if (end > text.length()) {
            throw new IllegalArgumentException(
                    "the passage ends at " + end + " but the text has " + text.length() + " code points");
        }
        TextPositionSelector position = new TextPositionSelector(start, end);
        String exact = text.slice(start, end);
        String prefix = text.slice(Math.max(0, start - TextQuoteSelector.CONTEXT), start);
        String suffix = text.slice(end, Math.min(text.length(), end + TextQuoteSelector.CONTEXT));
        return new Target(position, new TextQuoteSelector(exact, prefix, suffix));
    }

    /** True when the position points at exactly the quoted words in {@code text}. */
    public boolean consistentWith(CodePointText text) {
        return position.end() <= text.length()
                && text.slice(position.start(), position.end()).equals(quote.exact());
    }
}
