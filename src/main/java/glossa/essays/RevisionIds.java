package glossa.essays;

/**
 * What storing a revision made.
 *
 * @param revisionNo the essay's new newest revision number, 1 for a new essay
 */
public record RevisionIds(long essayId, long revisionId, int revisionNo) {}
