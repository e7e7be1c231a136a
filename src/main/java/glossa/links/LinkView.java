package glossa.links;

/**
 * A link as one end's margin shows it.
 *
 * @param outgoing true at the passage the link was made from
 * @param hereId the annotation at this end
 * @param otherId the annotation at the far end (its passage, in {@code otherSlug})
 * @param otherQuote the far passage's words
 * @param otherRemoved the far end's note was deleted or its passage is gone
 */
public record LinkView(
        long id,
        Relation relation,
        String comment,
        boolean outgoing,
        long hereId,
        long otherId,
        String otherSlug,
        String otherQuote,
        boolean otherRemoved,
        String author,
        java.time.Instant created) {

    /** The relation as read from this end. */
    public String reads() {
        return outgoing ? relation.label() : relation.inverseLabel();
    }

    /** The far passage's first words, for the margin. */
    public String firstWords() {
        String[] words = otherQuote.strip().split("\\s+");
        if (words.length <= 12) {
            return otherQuote.strip();
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, 12)) + "\u2026";
    }
}
