package glossa.essays;

import glossa.errors.Reason;
import glossa.markdown.EssayRenderer;
import glossa.markdown.RenderedEssay;
import glossa.storage.Jdbc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Essays written and edited in the browser. A text is checked by the same rules as a corpus file (its
 * front matter, title, slug, date), rendered by the same renderer, and stored as a new revision by its
 * editor. A save names the revision it was made on; if that is no longer the newest, the save is
 * refused with nothing stored (the check is in the UPDATE that advances the essay), so no edit is
 * silently lost. After the commit the notes are carried to the new text, as for an import.
 */
public final class EssayEditor {

    /** Longest edit summary, in characters. */
    public static final int MAX_SUMMARY = 300;
    /** Largest text, in UTF-8 bytes: the same as an uploaded file. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final Jdbc jdbc;
    private final EssayRepository essays;
    private final EssayRenderer renderer;
    private final EssayCatalog catalog;
    private final Clock clock;
    private final RevisionListener listener;

    public EssayEditor(
            Jdbc jdbc,
            EssayRepository essays,
            EssayRenderer renderer,
            EssayCatalog catalog,
            Clock clock,
            RevisionListener listener) {
        this.jdbc = jdbc;
        this.essays = essays;
        this.renderer = renderer;
        this.catalog = catalog;
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks and renders a text; {@code field} names the form field it came from, for messages. */
    public Draft draft(String field, String text) throws EditRejected {
        if (text == null || text.isBlank()) {
            throw new EditRejected(Reason.INVALID, field, "The text is empty.");
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        byte[] bytes = normalised.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new EditRejected(Reason.TOO_LARGE, field, "The text is larger than 2 MB.");
        }
        try {
            CorpusFile file = CorpusFile.parse(Path.of("text.md"), bytes);
            checkLengths(file.meta(), field);
            RenderedEssay rendered = renderer.renderUntrusted(file.markdown());
            return new Draft(file.meta(), file.markdown(), rendered);
        } catch (CorpusException e) {
            throw new EditRejected(Reason.INVALID, field, "Line " + e.line() + ": " + e.getMessage() + ".");
        }
    }

    /**
     * Checks and renders a new text from the form: the fields become its front matter, so the same rules
     * as for a corpus file apply, and each problem is reported against the field it comes from.
     */
    public Draft draftNew(NewText t) throws EditRejected {
        if (t.title().isEmpty()) {
            throw new EditRejected(Reason.INVALID, "title", "Give the text a title.");
        }
        if (!t.sourceUrl().isEmpty() && !t.sourceUrl().matches("https?://[^\\s\"<>]+")) {
            throw new EditRejected(Reason.INVALID, "source_url", "The source URL must start with http:// or https://.");
        }
        if (t.markdown().isBlank()) {
            throw new EditRejected(
                    Reason.INVALID, "markdown", "The text is empty: write or paste it, or upload a file.");
        }
        java.util.List<String> fieldOfLine = new java.util.ArrayList<>(java.util.List.of("", ""));
        StringBuilder source = new StringBuilder("---\n");
        line(source, fieldOfLine, "slug", t.slug(), "title");
        line(source, fieldOfLine, "title", t.title(), "title");
        line(source, fieldOfLine, "author", t.author(), "author");
        line(source, fieldOfLine, "publication", t.publication(), "publication");
        line(source, fieldOfLine, "date", t.date(), "date");
        line(source, fieldOfLine, "source_url", t.sourceUrl(), "source_url");
        source.append("---\n\n").append(t.markdown().replace("\r\n", "\n").replace('\r', '\n'));
        byte[] bytes = source.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new EditRejected(Reason.TOO_LARGE, "markdown", "The text is larger than 2 MB.");
        }
        try {
            CorpusFile file = CorpusFile.parse(Path.of("text.md"), bytes);
            checkLengths(file.meta(), null);
            return new Draft(file.meta(), file.markdown(), renderer.renderUntrusted(file.markdown()));
        } catch (CorpusException e) {
            String field =
                    e.line() < fieldOfLine.size() && !fieldOfLine.get(e.line()).isEmpty()
                            ? fieldOfLine.get(e.line())
                            : "markdown";
            String message = e.getMessage();
            throw new EditRejected(
                    Reason.INVALID, field, Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
        }
    }

    /** The stored columns' sizes; {@code field} null means each value's own form field. */
    private static void checkLengths(EssayMeta m, String field) throws EditRejected {
        String[][] limits = {
            {"author", m.author(), "300"},
            {"publication", m.publication(), "300"},
            {"source_url", m.sourceUrl(), "1000"},
            {"subtitle", m.subtitle(), "500"},
            {"title_note", m.titleNote(), "1000"}
        };
        for (String[] l : limits) {
            if (l[1] != null && l[1].length() > Integer.parseInt(l[2])) {
                throw new EditRejected(
                        Reason.INVALID,
                        field == null ? l[0] : field,
                        "The " + l[0].replace('_', ' ') + " is longer than " + l[2] + " characters.");
            }
        }
    }

    /** Appends {@code key: "value"} when there is a value, remembering which form field the line came from. */
    private static void line(
            StringBuilder source, java.util.List<String> fieldOfLine, String key, String value, String field) {
        if (value.isEmpty()) {
            return;
        }
        source.append(key)
                .append(": \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n");
        fieldOfLine.add(field);
    }

    /** A draft of a change to {@code slug}: the slug in its front matter must stay the same. */
    public Draft draftEdit(String slug, String field, String text) throws EditRejected {
        Draft d = draft(field, text);
        if (!d.meta().slug().equals(slug)) {
            throw new EditRejected(
                    Reason.INVALID,
                    field,
                    "The slug cannot change: keep \u201cslug: " + slug + "\u201d in the front matter.");
        }
        return d;
    }

    /** Saves an edit made on revision {@code base}; refused (409) when the essay has moved on since. */
    public RevisionIds save(long editorId, String slug, int base, String text, String summary) throws EditRejected {
        Draft d = draftEdit(slug, "markdown", text);
        return store(editorId, d, base, checkSummary(summary));
    }

    /** Adds a new essay; refused when its slug is taken. */
    public RevisionIds create(long editorId, Draft d, String summary) throws EditRejected {
        if (essays.slugTaken(d.meta().slug())) {
            throw new EditRejected(
                    Reason.CONFLICT,
                    "title",
                    "There is already an essay at /essays/" + d.meta().slug() + "; change the title or the slug.");
        }
        return store(editorId, d, 0, checkSummary(summary));
    }

    /** Makes revision {@code to}'s text the newest again, as a new revision made on {@code base}. */
    public RevisionIds revert(long editorId, String slug, int base, int to) throws EditRejected {
        String old = essays.markdown(slug, to)
                .orElseThrow(() ->
                        new EditRejected(Reason.NOT_FOUND, "to", "There is no revision " + to + " of this essay."));
        return store(editorId, draftEdit(slug, "to", old), base, "Reverted to revision " + to);
    }

    private static String checkSummary(String summary) throws EditRejected {
        String s = summary == null ? "" : summary.strip();
        if (s.length() > MAX_SUMMARY) {
            throw new EditRejected(
                    Reason.INVALID, "summary", "The summary is longer than " + MAX_SUMMARY + " characters.");
        }
        if (s.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new EditRejected(Reason.INVALID, "summary", "The summary has control characters.");
        }
        return s;
    }

    private RevisionIds store(long editorId, Draft d, int base, String summary) throws EditRejected {
        String hash = CorpusFile.sha256(d.markdown().getBytes(StandardCharsets.UTF_8));
        NewRevision r = new NewRevision(d.meta(), d.markdown(), hash, NewRevision.BROWSER, editorId, summary, false);
        Optional<RevisionIds> ids =
                jdbc.inTransaction(tx -> essays.insertRevision(tx, r, d.rendered(), base, clock.instant()));
        if (ids.isEmpty()) {
            throw new EditRejected(
                    Reason.CONFLICT,
                    "markdown",
                    base == 0
                            ? "Someone added an essay with this slug a moment ago; change the title or the slug."
                            : "Someone saved a newer revision of this essay while you were editing. Your text is kept below; "
                                    + "compare it with the current revision before saving again.");
        }
        catalog.reload();
        if (base > 0) {
            // After the commit, so that the notes move only once the new text is safely stored.
            listener.revisionAdded(ids.get().essayId(), ids.get().revisionId());
        }
        return ids.get();
    }
}
