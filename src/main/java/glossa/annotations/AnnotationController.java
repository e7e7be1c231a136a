package glossa.annotations;

import glossa.accounts.Access;
import glossa.accounts.Sessions;
import glossa.accounts.User;
import glossa.anchoring.CodePointText;
import glossa.errors.Reason;
import glossa.essays.EssayRevision;
import glossa.essays.EssayTemplates;
import glossa.web.ErrorPages;
import glossa.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML side of notes: the note's own page with replies and history, and the actions on a note
 * (the form that makes one without JavaScript is {@link AnnotateForm}). Failed forms come back with
 * their input and a message; successful ones redirect to the note.
 */
final class AnnotationController {

    private final AnnotationService service;
    private final AnnotationRepository notes;
    private final EssayTemplates templates;
    private final MarginExtras extras;

    /** {@code templates}: the paragraph a deleted note stood in, to come back to. */
    AnnotationController(
            AnnotationService service, AnnotationRepository notes, EssayTemplates templates, MarginExtras extras) {
        this.extras = extras;
        this.service = service;
        this.notes = notes;
        this.templates = templates;
    }

    /** {@code POST /preview}: Markdown through the server's own sanitizing renderer, for a note being written. */
    public void preview(Context ctx) {
        Access.requireUser(ctx);
        String body = ctx.formParam("body");
        if (body != null && body.length() > NoteInput.MAX_BODY) {
            throw new io.javalin.http.BadRequestResponse(
                    "The field body may have at most " + NoteInput.MAX_BODY + " characters.");
        }
        ctx.contentType("text/html; charset=utf-8").result(service.preview(body));
    }

    public void show(Context ctx) throws AnnotationException {
        ctx.render("annotations/show", showModel(ctx, service.get(id(ctx))));
    }

    private Map<String, Object> showModel(Context ctx, Annotation a) throws AnnotationException {
        User viewer = Sessions.currentUser(ctx).orElse(null);
        boolean mod = viewer != null && viewer.can(glossa.accounts.Role.MODERATOR);
        Annotation root = a.isReply() ? service.get(a.parentId()) : a;
        List<Annotation> replies =
                notes.replies(root.id()).stream().filter(Annotation::visible).toList();
        // A deleted note is shown only as the placeholder that holds its replies; a deleted reply not at all.
        boolean gone = a.deleted() && (a.isReply() || replies.isEmpty());
        if (gone || (a.hidden() && !mod) || (root.hidden() && !mod)) {
            throw new AnnotationException(
                    Reason.NOT_FOUND,
                    null,
                    a.deleted() ? "This note was deleted." : "This note was hidden by a moderator.");
        }
        Map<String, Object> m = new HashMap<>();
        long viewerId = viewer == null ? -1 : viewer.id();
        MarginExtras.NoteConnections connections = root.deleted()
                ? MarginExtras.NoteConnections.NONE
                : extras.forEssay(root.essayId(), viewer)
                        .byAnnotation()
                        .getOrDefault(root.id(), MarginExtras.NoteConnections.NONE);
        m.put("n", new NoteView(root, replies, viewerId == root.authorId(), mod, connections, viewerId));
        m.put("context", passageContext(root));
        // Edits and deletions keep old words in the history; once a note is deleted only moderators see them.
        boolean wordsShown = mod || !root.deleted();
        m.put(
                "history",
                notes.history(root.id()).stream()
                        .map(h -> wordsShown ? h : h.withoutWords())
                        .toList());
        m.put("errors", Map.of());
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        return m;
    }

    public void reply(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        Annotation r;
        try {
            r = service.reply(user, id, NoteInput.parse(ctx.formParam("body"), null, null, true), null);
        } catch (AnnotationException e) {
            if (e.reason() != Reason.INVALID) {
                throw e;
            }
            // The reply comes back in the note page's form with the message, so nothing typed is lost
            // (also when it was written in the essay's margin: the browser lands here instead).
            Map<String, Object> m = showModel(ctx, service.get(id));
            m.put("replyError", e.getMessage());
            m.put("replyDraft", ctx.formParam("body"));
            ctx.status(422).render("annotations/show", m);
            return;
        }
        Annotation parent = service.get(id);
        ctx.redirect(
                toEssay(ctx) ? "/essays/" + parent.essaySlug() + "#a-" + id : "/annotations/" + id + "#a-" + r.id(),
                HttpStatus.SEE_OTHER);
    }

    /** A form sent from the essay's margin goes back there (a keyword, not a path: no open redirect). */
    private static boolean toEssay(Context ctx) {
        return "essay".equals(ctx.formParam("return"));
    }

    public void edit(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        Annotation before = service.get(id);
        Integer version = formVersion(ctx);
        try {
            NoteInput note = NoteInput.parse(
                    ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), before.isReply());
            Annotation a = service.edit(user, id, note, version);
            long root = a.isReply() ? a.parentId() : a.id();
            ctx.redirect(
                    toEssay(ctx) ? "/essays/" + a.essaySlug() + "#a-" + root : "/annotations/" + root,
                    HttpStatus.SEE_OTHER);
        } catch (AnnotationException e) {
            if (e.reason() != Reason.STALE && e.reason() != Reason.INVALID) {
                throw e;
            }
            // The form comes back with what the reader wrote, and, when someone else saved first, with
            // the note as it now stands, so nothing typed is lost and the reader sees what changed.
            Annotation now = service.get(id);
            Map<String, Object> m = showModel(ctx, now);
            m.put("errors", Map.of(e.field() == null ? "form" : e.field(), e.getMessage()));
            m.put("draft", new Draft(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind")));
            if (e.reason() == Reason.STALE) {
                m.put("stale", now);
            }
            ctx.status(ErrorPages.status(e.reason())).render("annotations/show", m);
        }
    }

    /** What the reader had typed into the edit form, shown again when the save was refused. */
    public record Draft(String body, String tags, String kind) {}

    /** The note's version the form was drawn from; absent on old forms, which then save over the current one. */
    private static Integer formVersion(Context ctx) throws AnnotationException {
        String raw = ctx.formParam("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new AnnotationException(
                    Reason.MALFORMED,
                    "version",
                    "The form's version must be a whole number; reload the note and edit again.");
        }
    }

    /** {@code GET /annotations/{id}/delete}: the confirmation step, naming the links that would go with the note. */
    public void confirmDelete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation a = service.get(id(ctx));
        if (a.deleted()) {
            throw new AnnotationException(Reason.NOT_FOUND, null, "Note " + a.id() + " has already been deleted.");
        }
        if (a.authorId() != user.id()) {
            throw new AnnotationException(Reason.FORBIDDEN, null, "Only its author can delete this note.");
        }
        // Never kept by the browser: after the deletion, Back must not show the words again.
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> m = new HashMap<>();
        m.put("note", a);
        m.put("links", a.isReply() ? List.of() : extras.linksOf(a.id()));
        ctx.render("annotations/delete", m);
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation a = service.get(id(ctx));
        boolean removeLinks = "yes".equals(ctx.formParam("removeLinks"));
        service.delete(user, a.id(), formVersion(ctx), removeLinks ? extras.linkRemover(user, a.id()) : null);
        ctx.redirect(
                a.isReply() && !toEssay(ctx)
                        ? "/annotations/" + a.parentId()
                        : "/essays/" + a.essaySlug() + (a.isReply() ? "#a-" + a.parentId() : paragraphOf(a)),
                HttpStatus.SEE_OTHER);
    }

    /** "#p12" for the paragraph the note stood in, so the reader comes back to where they were; else "". */
    private String paragraphOf(Annotation a) {
        if (a.orphan() || a.anchor() == null) {
            return "";
        }
        try {
            return templates
                    .blockAt(service.essay(a.essaySlug()), a.anchor().start())
                    .map(id -> "#" + id)
                    .orElse("");
        } catch (AnnotationException e) {
            return "";
        }
    }

    public void hide(Context ctx) throws AnnotationException {
        Annotation a = service.setHidden(Access.requireUser(ctx), id(ctx), true, ctx.ip());
        ctx.redirect("/annotations/" + a.id(), HttpStatus.SEE_OTHER);
    }

    public void restore(Context ctx) throws AnnotationException {
        Annotation a = service.setHidden(Access.requireUser(ctx), id(ctx), false, ctx.ip());
        ctx.redirect("/annotations/" + a.id(), HttpStatus.SEE_OTHER);
    }

    public void reattach(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation a = service.reattach(user, id(ctx), passage(ctx));
        ctx.redirect("/essays/" + a.essaySlug() + "#a-" + a.id(), HttpStatus.SEE_OTHER);
    }

    static PassageInput passage(Context ctx) {
        return new PassageInput(
                Params.formInt(ctx, "revision"),
                Params.formInt(ctx, "start"),
                Params.formInt(ctx, "end"),
                blankToNull(ctx.formParam("exact")),
                null,
                null,
                Params.formInt(ctx, "occurrence"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long id(Context ctx) {
        return Params.pathId(ctx, "id");
    }

    /** The passage with some text around it, for the note's own page. */
    private Map<String, String> passageContext(Annotation a) throws AnnotationException {
        if (a.orphan()) {
            return Map.of("before", "", "words", a.quote().exact(), "after", "");
        }
        EssayRevision essay = service.essay(a.essaySlug());
        CodePointText text = new CodePointText(essay.canonicalText().text());
        return Map.of(
                "before",
                text.slice(Math.max(0, a.anchor().start() - 120), a.anchor().start()),
                "words",
                text.slice(a.anchor().start(), a.anchor().end()),
                "after",
                text.slice(a.anchor().end(), Math.min(text.length(), a.anchor().end() + 120)));
    }
}
