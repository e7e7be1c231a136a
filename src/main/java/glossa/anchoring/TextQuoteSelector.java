package glossa.anchoring;

/**
 * The W3C TextQuoteSelector: the exact words of a passage with up to {@link #CONTEXT} code points of
 * text before and after, which tell apart passages whose words repeat.
 */
public record TextQuoteSelector(String exact, String prefix, String suffix) {

    /** Code points of context kept on each side. */
    public static final int CONTEXT = 32;

    public TextQuoteSelector {
        if (exact == null || exact.isEmpty()) {
            throw new IllegalArgumentException("a quote needs at least one character");
        }
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }
}
