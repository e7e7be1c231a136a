package glossa.annotations;

import glossa.accounts.User;
import glossa.anchoring.CodePointText;
import glossa.anchoring.TextPositionSelector;
import glossa.essays.EssayController;
import glossa.essays.EssayRevision;
import glossa.web.Access;
import glossa.web.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML side of notes: the annotated essay page, the form that works without JavaScript, the
 * note's own page with replies and history, and the actions on a note. Failed forms come back with
 * their input and a message; successful ones redirect to the note.
 */
public final class AnnotationController {

    private final AnnotationService service;
    private final AnnotationRepository notes;
    private final EssayPage essayPage;
    private final EssayController essays;
    private final MarginExtras extras;

    public AnnotationController(AnnotationService service, AnnotationRepository notes, EssayPage essayPage, EssayController essays,
                                MarginExtras extras) {
        this.extras = extras;
        this.service = service;
        this.notes = notes;
        this.essayPage = essayPage;
        this.essays = essays;
    }

    /** {@code /essays/{slug}}: the reading page with its notes; {@code .txt} goes to the plain text. */
    public void essay(Context ctx) throws AnnotationException {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(".txt")) {
            essays.text(ctx);
            return;
        }
        EssayRevision essay = found(slug);
        EssayPage.Filter filter = new EssayPage.Filter(param(ctx, "tag"), param(ctx, "author"), param(ctx, "kind"),
                "hide".equals(ctx.queryParam("notes")));
        User viewer = Sessions.currentUser(ctx).orElse(null);
        MarginExtras.Extras more = extras.forEssay(essay.essayId(), essay.slug());
        EssayPage.Model model = essayPage.build(essay, notes.forEssay(essay.essayId()), viewer, filter, more.byAnnotation());
        Map<String, Object> m = new HashMap<>();
        m.put("connections", more.panelHtml());
        m.put("linkCount", more.linkCount());
        m.put("back", backLink(ctx));
        m.put("essay", essay);
        m.put("page", model);
        m.put("filter", filter);
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        ctx.render("essays/show", m);
    }

    /** After following a link: the way back to where the reader came from. */
    private Map<String, String> backLink(Context ctx) {
        String from = ctx.queryParam("from");
        String back = ctx.queryParam("back");
        if (from == null || back == null || !back.matches("\\d{1,12}")) {
            return null;
        }
        try {
            EssayRevision origin = service.essay(from);
            return Map.of("href", "/essays/" + origin.slug() + "#a-" + back, "title", origin.meta().title());
        } catch (AnnotationException e) {
            return null; // an unknown origin just means no way back is offered
        }
    }

    public void showAnnotateForm(Context ctx) throws AnnotationException {
        Access.requireUser(ctx);
        EssayRevision essay = found(ctx.pathParam("slug"));
        ctx.render("annotations/new", formModel(essay, ctx.queryParam("block"), Map.of(), Map.of(), List.of()));
    }

    public void create(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        EssayRevision essay = found(ctx.pathParam("slug"));
        try {
            NoteInput note = NoteInput.parse(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), false);
            Annotation a = service.create(user, essay.slug(), passage(ctx), note, null);
            ctx.redirect("/essays/" + essay.slug() + "#a-" + a.id(), HttpStatus.SEE_OTHER);
        } catch (AnnotationException.Ambiguous e) {
            ctx.status(422).render("annotations/new", formModel(essay, ctx.formParam("block"), Map.of("exact", e.getMessage()),
                    echo(ctx), choices(essay, e.occurrences())));
        } catch (AnnotationException e) {
            if (e.status() == 404) {
                throw e;
            }
            ctx.status(e.status()).render("annotations/new", formModel(essay, ctx.formParam("block"),
                    Map.of(e.field() == null ? "form" : e.field(), e.getMessage()), echo(ctx), List.of()));
        }
    }

    public void show(Context ctx) throws AnnotationException {
        ctx.render("annotations/show", showModel(ctx, service.get(id(ctx))));
    }

    private Map<String, Object> showModel(Context ctx, Annotation a) throws AnnotationException {
        User viewer = Sessions.currentUser(ctx).orElse(null);
        if (a.deleted() || (a.hidden() && (viewer == null || !viewer.can(glossa.accounts.Role.MODERATOR)))) {
            throw new AnnotationException(404, null, a.deleted() ? "This note was deleted." : "This note was hidden by a moderator.");
        }
        Annotation root = a.isReply() ? service.get(a.parentId()) : a;
        List<Annotation> replies = notes.replies(root.id()).stream().filter(Annotation::visible).toList();
        boolean mod = viewer != null && viewer.can(glossa.accounts.Role.MODERATOR);
        Map<String, Object> m = new HashMap<>();
        m.put("n", new NoteView(root, replies, viewer != null && viewer.id() == root.authorId(), mod));
        m.put("context", passageContext(root));
        m.put("history", notes.history(root.id()));
        m.put("errors", Map.of());
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        return m;
    }

    public void reply(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        NoteInput note = NoteInput.parse(ctx.formParam("body"), null, null, true);
        Annotation r = service.reply(user, id, note, null);
        ctx.redirect("/annotations/" + id + "#a-" + r.id(), HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        Annotation before = service.get(id);
        Integer version = formVersion(ctx);
        try {
            NoteInput note = NoteInput.parse(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), before.isReply());
            Annotation a = service.edit(user, id, note, version);
            ctx.redirect("/annotations/" + (a.isReply() ? a.parentId() : a.id()), HttpStatus.SEE_OTHER);
        } catch (AnnotationException e) {
            if (e.status() != 412 && e.status() != 422) {
                throw e;
            }
            // The form comes back with what the reader wrote, and, when someone else saved first, with
            // the note as it now stands, so nothing typed is lost and the reader sees what changed.
            Annotation now = service.get(id);
            Map<String, Object> m = showModel(ctx, now);
            m.put("errors", Map.of(e.field() == null ? "form" : e.field(), e.getMessage()));
            m.put("draft", new Draft(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind")));
            if (e.status() == 412) {
                m.put("stale", now);
            }
            ctx.status(e.status()).render("annotations/show", m);
        }
    }

    /** What the reader had typed into the edit form, shown again when the save was refused. */
    public record Draft(String body, String tags, String kind) {
    }

    /** The note's version the form was drawn from; absent on old forms, which then save over the current one. */
    private static Integer formVersion(Context ctx) throws AnnotationException {
        String raw = ctx.formParam("version");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new AnnotationException(400, "version", "The form's version must be a whole number; reload the note and edit again.");
        }
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation a = service.get(id(ctx));
        service.delete(user, a.id(), formVersion(ctx));
        ctx.redirect(a.isReply() ? "/annotations/" + a.parentId() : "/essays/" + a.essaySlug(), HttpStatus.SEE_OTHER);
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

    private EssayRevision found(String slug) throws AnnotationException {
        return service.essay(slug);
    }

    private static PassageInput passage(Context ctx) {
        return new PassageInput(intParam(ctx, "revision"), intParam(ctx, "start"), intParam(ctx, "end"),
                blankToNull(ctx.formParam("exact")), null, null, intParam(ctx, "occurrence"));
    }

    private static Integer intParam(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("The field " + name + " must be a whole number.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static Map<String, String> echo(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("exact", "body", "tags", "kind")) {
            String v = ctx.formParam(f);
            values.put(f, v == null ? "" : v);
        }
        return values;
    }

    /** An occurrence offered for choice: its index and the words around it. */
    public record Choice(int index, String before, String words, String after) {
    }

    private static List<Choice> choices(EssayRevision essay, List<TextPositionSelector> found) {
        CodePointText text = new CodePointText(essay.canonicalText().text());
        java.util.ArrayList<Choice> out = new java.util.ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            TextPositionSelector p = found.get(i);
            out.add(new Choice(i, "\u2026" + text.slice(Math.max(0, p.start() - 60), p.start()).stripLeading(),
                    text.slice(p.start(), p.end()), text.slice(p.end(), Math.min(text.length(), p.end() + 60)).stripTrailing() + "\u2026"));
        }
        return out;
    }

    private static Map<String, Object> formModel(EssayRevision essay, String block, Map<String, String> errors,
                                                 Map<String, String> values, List<Choice> choices) {
        Map<String, Object> m = new HashMap<>();
        m.put("essay", essay);
        m.put("block", block == null ? "" : block);
        m.put("errors", errors);
        m.put("values", values.isEmpty() ? Map.of("exact", "", "body", "", "tags", "", "kind", "comment") : values);
        m.put("choices", choices);
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        return m;
    }

    /** The passage with some text around it, for the note's own page. */
    private Map<String, String> passageContext(Annotation a) throws AnnotationException {
        if (a.orphan()) {
            return Map.of("before", "", "words", a.quote().exact(), "after", "");
        }
        EssayRevision essay = service.essay(a.essaySlug());
        CodePointText text = new CodePointText(essay.canonicalText().text());
        return Map.of("before", text.slice(Math.max(0, a.anchor().start() - 120), a.anchor().start()),
                "words", text.slice(a.anchor().start(), a.anchor().end()),
                "after", text.slice(a.anchor().end(), Math.min(text.length(), a.anchor().end() + 120)));
    }
}
