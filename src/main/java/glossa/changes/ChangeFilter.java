package glossa.changes;

/**
 * What the recent changes page shows; null means any.
 *
 * @param hideMine the signed-in reader's username when they asked to hide their own changes
 */
record ChangeFilter(String kind, String essay, String user, String hideMine) {
}
