package glossa.essays;

/**
 * A text about to become an essay's newest revision, checked (its front matter parsed) but not stored.
 *
 * @param markdown the whole source, front matter included
 * @param contentHash SHA-256 of the source's UTF-8 bytes, hex
 * @param sourceFile the corpus file's name, or {@link #BROWSER} for a text written in the browser
 * @param editorId who made it; null for the system account (a corpus file read at start)
 * @param summary the editor's reason, possibly empty
 */
public record NewRevision(
        EssayMeta meta,
        String markdown,
        String contentHash,
        String sourceFile,
        Long editorId,
        String summary,
        boolean fromFile) {

    /** The source name of a revision written in the browser. */
    public static final String BROWSER = "(browser)";

    public NewRevision {
        if (meta == null || markdown == null || contentHash == null || sourceFile == null) {
            throw new IllegalArgumentException("a revision needs its metadata, text, hash and source");
        }
        summary = summary == null ? "" : summary;
    }
}
