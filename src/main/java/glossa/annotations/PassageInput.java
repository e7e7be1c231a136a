package glossa.annotations;

/**
 * How a reader pointed at a passage: by position (from a selection in the browser or the API), by the
 * words themselves (the form without JavaScript), or both. Any field may be null.
 *
 * @param revisionNo the essay revision the positions count in; null for the newest
 * @param start first code point, inclusive
 * @param end last code point, exclusive
 * @param exact the words of the passage
 * @param prefix text just before, to choose among repeated words
 * @param suffix text just after
 * @param occurrence 0-based choice among repeated words, as offered by the form
 */
public record PassageInput(
        Integer revisionNo,
        Integer start,
        Integer end,
        String exact,
        String prefix,
        String suffix,
        Integer occurrence) {}
