package glossa.essays;

import java.time.Instant;

/**
 * One line of an essay's history.
 *
 * @param editor the editor's username; null for the system account (a corpus file read at start)
 * @param sourceFile the corpus file's name, or {@link NewRevision#BROWSER}
 */
public record RevisionEntry(
        long id,
        int revisionNo,
        String editor,
        String summary,
        String sourceFile,
        Instant at,
        int wordCount,
        String title) {

    /** Who made it, as the history shows it. */
    public String by() {
        return editor == null ? "system (from " + sourceFile + ")" : editor;
    }
}
