package glossa.editing;

import glossa.accounts.Access;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.errors.Reason;
import glossa.essays.Draft;
import glossa.essays.EditRejected;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayEditor;
import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import glossa.essays.RevisionEntry;
import glossa.web.ErrorPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Editing an essay in the browser: the form, its preview (rendered text, word diff against the current
 * revision, what happens to the notes) and save; the history, a diff of any two revisions, and revert.
 * Everything works without JavaScript: the preview is a round trip through the server.
 */
final class EditController {

    private final EssayEditor editor;
    private final EssayRepository essays;
    private final EssayCatalog catalog;
    private final NoteImpact impact;

    EditController(
            EssayEditor editor,
            EssayRepository essays,
            EssayCatalog catalog,
            glossa.annotations.AnnotationRepository notes) {
        this.editor = editor;
        this.essays = essays;
        this.catalog = catalog;
        this.impact = new NoteImpact(notes, essays);
    }

    public void showEdit(Context ctx) {
        Access.requireRole(ctx, Role.EDITOR);
        EssayRevision current = current(ctx);
        Map<String, Object> m = model(
                current, essays.markdown(current.slug(), current.revisionNo()).orElseThrow(), "", current.revisionNo());
        ctx.render("essays/edit", m);
    }

    /** The form's two buttons: {@code action=preview} renders, {@code action=save} stores. */
    public void processEdit(Context ctx) {
        User user = Access.requireRole(ctx, Role.EDITOR);
        EssayRevision current = current(ctx);
        String text = orEmpty(ctx.formParam("markdown"));
        String summary = orEmpty(ctx.formParam("summary"));
        int base = intParam(ctx.formParam("base"), current.revisionNo());
        Map<String, Object> m = model(current, text, summary, base);
        try {
            if ("save".equals(ctx.formParam("action"))) {
                editor.save(user.id(), current.slug(), base, text, summary);
                ctx.redirect("/essays/" + current.slug() + "/history", HttpStatus.SEE_OTHER);
                return;
            }
            m.put("preview", preview(current, editor.draftEdit(current.slug(), "markdown", text)));
            if (base != current.revisionNo()) {
                m.put("errors", Map.of("markdown", staleMessage(current)));
            }
            ctx.render("essays/edit", m);
        } catch (EditRejected e) {
            if (e.reason() == Reason.CONFLICT) {
                // Someone saved first: the editor's text stays, now based on the newest revision, so
                // saving again (after the preview shows the difference) is a deliberate overwrite.
                EssayRevision newest = current(ctx);
                m.put("base", newest.revisionNo());
                m.put("essay", newest);
                safePreview(newest, text).ifPresent(p -> m.put("preview", p));
            }
            m.put("errors", Map.of(e.field() == null ? "markdown" : e.field(), e.getMessage()));
            ctx.status(ErrorPages.status(e.reason())).render("essays/edit", m);
        }
    }

    private static String staleMessage(EssayRevision current) {
        return "This text was made on an older revision; revision " + current.revisionNo()
                + " is now current. The diff below is against it; saving now replaces it.";
    }

    private java.util.Optional<Preview> safePreview(EssayRevision current, String text) {
        try {
            return java.util.Optional.of(preview(current, editor.draftEdit(current.slug(), "markdown", text)));
        } catch (EditRejected e) {
            return java.util.Optional.empty();
        }
    }

    /** What the preview shows. */
    public record Preview(String html, List<WordDiff.Part> diff, boolean changed, NoteImpact.Impact notes) {

        /** The word diff as escaped HTML, for the page. */
        public String diffHtml() {
            return WordDiff.html(diff);
        }
    }

    Preview preview(EssayRevision current, Draft draft) {
        String before = essays.markdown(current.slug(), current.revisionNo()).orElseThrow();
        List<WordDiff.Part> diff = WordDiff.diff(before, draft.markdown());
        return new Preview(
                draft.rendered().html(),
                diff,
                WordDiff.changed(diff),
                impact.assess(current, draft.rendered().canonicalText().text()));
    }

    public void history(Context ctx) {
        EssayRevision current = current(ctx);
        List<RevisionEntry> revisions = essays.history(current.slug());
        boolean canEdit = glossa.accounts.Sessions.currentUser(ctx)
                .map(u -> u.can(Role.EDITOR))
                .orElse(false);
        ctx.render("essays/history", Map.of("essay", current, "revisions", revisions, "canEdit", canEdit));
    }

    public void diff(Context ctx) {
        EssayRevision current = current(ctx);
        int to = intParam(ctx.queryParam("to"), current.revisionNo());
        int from = intParam(ctx.queryParam("from"), Math.max(1, to - 1));
        String a = essays.markdown(current.slug(), from)
                .orElseThrow(() -> new NotFoundResponse("There is no revision " + from + "."));
        String b = essays.markdown(current.slug(), to)
                .orElseThrow(() -> new NotFoundResponse("There is no revision " + to + "."));
        List<WordDiff.Part> diff = WordDiff.diff(a, b);
        ctx.render(
                "essays/diff",
                Map.of(
                        "essay",
                        current,
                        "from",
                        from,
                        "to",
                        to,
                        "diff",
                        diff,
                        "changed",
                        WordDiff.changed(diff),
                        "revisions",
                        essays.history(current.slug())));
    }

    public void revert(Context ctx) throws EditRejected {
        User user = Access.requireRole(ctx, Role.EDITOR);
        EssayRevision current = current(ctx);
        int to = intParam(ctx.formParam("to"), -1);
        int base = intParam(ctx.formParam("base"), -1);
        if (to < 1 || base < 1) {
            throw new EditRejected(
                    Reason.INVALID, "to", "Say which revision to revert to, and which one you saw as current.");
        }
        editor.revert(user.id(), current.slug(), base, to);
        ctx.redirect("/essays/" + current.slug() + "/history", HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> model(EssayRevision current, String text, String summary, int base) {
        Map<String, Object> m = new HashMap<>();
        m.put("essay", current);
        m.put("markdown", text);
        m.put("summary", summary);
        m.put("base", base);
        m.put("errors", Map.of());
        m.put("maxSummary", EssayEditor.MAX_SUMMARY);
        return m;
    }

    private EssayRevision current(Context ctx) {
        String slug = ctx.pathParam("slug");
        return catalog.find(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d."));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A whole number from a form or query, or {@code otherwise} when it is missing or not one. */
    static int intParam(String raw, int otherwise) {
        if (raw == null || !raw.strip().matches("\\d{1,9}")) {
            return otherwise;
        }
        return Integer.parseInt(raw.strip());
    }
}
