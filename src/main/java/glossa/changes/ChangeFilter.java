package glossa.changes;

/**
 * What the recent changes page shows; null means any.
 *
 * @param hideMine the signed-in reader's username when they asked to hide their own changes
 */
public record ChangeFilter(String kind, String essay, String user, String hideMine) {

    /** Every change. */
    public static final ChangeFilter ALL = new ChangeFilter(null, null, null, null);

    /** Every change to one essay: its revisions, notes, replies and links. */
    public static ChangeFilter essay(String slug) {
        return new ChangeFilter(null, slug, null, null);
    }
}
