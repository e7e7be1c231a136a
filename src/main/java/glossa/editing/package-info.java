/**
 * Editing essays in the browser: the edit form with its preview (rendered text, word-level diff, what
 * the change does to the notes), history, diffs between revisions, revert, and export of every
 * essay's current text. The texts themselves are checked and stored by {@link glossa.essays.EssayEditor}.
 */
package glossa.editing;
