package glossa.annotations;

import glossa.accounts.User;
import glossa.anchoring.CodePointText;
import glossa.anchoring.TextPositionSelector;
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
    private final MarginExtras extras;

    public AnnotationController(AnnotationService service, AnnotationRepository notes, EssayPage essayPage,
                                MarginExtras extras) {
        this.extras = extras;
        this.service = service;
        this.notes = notes;
        this.essayPage = essayPage;
    }

    /**
     * What the essay page shows besides the essay's state, read from the request: which notes, whether
     * the how-to hint shows, the way back after following a link. {@link #variant} names it for the page cache.
     */
    public record EssayView(EssayRevision essay, EssayPage.Filter filter, boolean firstVisit, Map<String, String> back) {
        public String variant() {
            return String.join("\n", filter.tag(), filter.author(), filter.kind(), Boolean.toString(filter.hideNotes()),
                    Boolean.toString(firstVisit), back == null ? "" : back.get("href"));
        }
    }

    /** {@code /essays/{slug}}: reads what the reader asked for; the first essay page also sets the hint cookie. */
    public EssayView essayView(Context ctx, EssayRevision essay) {
        EssayPage.Filter filter = new EssayPage.Filter(param(ctx, "tag"), param(ctx, "author"), param(ctx, "kind"),
                "hide".equals(ctx.queryParam("notes")));
        // How to annotate is said once, near the top: on a reader's first essay page, then no more.
        boolean firstVisit = ctx.cookie(HINT_COOKIE) == null;
        if (firstVisit) {
            ctx.cookie(new io.javalin.http.Cookie(HINT_COOKIE, "seen", "/", HINT_SECONDS, false, true, null, io.javalin.http.SameSite.LAX));
        }
        return new EssayView(essay, filter, firstVisit, backLink(ctx));
    }

    /** The reading page with its notes, drawn for {@code viewer} (null when signed out). */
    public void renderEssay(Context ctx, EssayView view, User viewer) {
        EssayRevision essay = view.essay();
        MarginExtras.Extras more = extras.forEssay(essay.essayId(), essay.slug(), viewer);
        EssayPage.Model model = essayPage.build(essay, notes.forEssay(essay.essayId()), viewer, view.filter(), more.byAnnotation());
        Map<String, Object> m = new HashMap<>();
        m.put("connections", more.panelHtml());
        m.put("linkCount", more.linkCount());
        m.put("back", view.back());
        m.put("essay", essay);
        m.put("page", model);
        m.put("filter", view.filter());
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        m.put("firstVisit", view.firstVisit());
        ctx.render("essays/show", m);
    }

    /** The essay called {@code slug} as the page shows it; 404 when there is none. */
    public EssayRevision essayCalled(String slug) throws AnnotationException {
        return found(slug);
    }

    /** Set once the how-to hint was shown; it is not shown again. */
    static final String HINT_COOKIE = "glossa_hint";
    private static final int HINT_SECONDS = 365 * 24 * 3600;

    /** {@code POST /preview}: Markdown through the server's own sanitizing renderer, for a note being written. */
    public void preview(Context ctx) {
        Access.requireUser(ctx);
        String body = ctx.formParam("body");
        if (body != null && body.length() > NoteInput.MAX_BODY) {
            throw new io.javalin.http.BadRequestResponse("The field body may have at most " + NoteInput.MAX_BODY + " characters.");
        }
        ctx.contentType("text/html; charset=utf-8").result(service.preview(body));
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
        String block = ctx.queryParam("block");
        Map<String, Object> m = formModel(essay, block, Map.of(), Map.of(), List.of());
        // Without JavaScript the reader cannot select: the paragraph is shown and its words put in the
        // passage field, to annotate whole or to cut down to the words meant.
        essayPage.block(essay, block).ifPresent(range -> {
            String words = new CodePointText(essay.canonicalText().text()).slice(range.start(), range.end()).strip();
            m.put("paragraph", words);
            m.put("values", Map.of("exact", words, "body", "", "tags", "", "kind", "comment"));
        });
        ctx.render("annotations/new", m);
    }

    public void create(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        EssayRevision essay = found(ctx.pathParam("slug"));
        try {
            NoteInput note = NoteInput.parse(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), false);
            Annotation a = service.create(user, essay.slug(), inBlock(essay, ctx.formParam("block"), passage(ctx)), note, null);
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
        boolean mod = viewer != null && viewer.can(glossa.accounts.Role.MODERATOR);
        Annotation root = a.isReply() ? service.get(a.parentId()) : a;
        List<Annotation> replies = notes.replies(root.id()).stream().filter(Annotation::visible).toList();
        // A deleted note is shown only as the placeholder that holds its replies; a deleted reply not at all.
        boolean gone = a.deleted() && (a.isReply() || replies.isEmpty());
        if (gone || (a.hidden() && !mod) || (root.hidden() && !mod)) {
            throw new AnnotationException(404, null, a.deleted() ? "This note was deleted." : "This note was hidden by a moderator.");
        }
        Map<String, Object> m = new HashMap<>();
        long viewerId = viewer == null ? -1 : viewer.id();
        String linksHtml = root.deleted() ? "" : extras.forEssay(root.essayId(), root.essaySlug(), viewer).byAnnotation().getOrDefault(root.id(), "");
        m.put("n", new NoteView(root, replies, viewerId == root.authorId(), mod, linksHtml, viewerId));
        m.put("context", passageContext(root));
        // Edits and deletions keep old words in the history; once a note is deleted only moderators see them.
        boolean wordsShown = mod || !root.deleted();
        m.put("history", notes.history(root.id()).stream().map(h -> wordsShown ? h : withoutWords(h)).toList());
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
            if (e.status() != 422) {
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
        ctx.redirect(toEssay(ctx) ? "/essays/" + parent.essaySlug() + "#a-" + id : "/annotations/" + id + "#a-" + r.id(), HttpStatus.SEE_OTHER);
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
            NoteInput note = NoteInput.parse(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), before.isReply());
            Annotation a = service.edit(user, id, note, version);
            long root = a.isReply() ? a.parentId() : a.id();
            ctx.redirect(toEssay(ctx) ? "/essays/" + a.essaySlug() + "#a-" + root : "/annotations/" + root, HttpStatus.SEE_OTHER);
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

    /** {@code GET /annotations/{id}/delete}: the confirmation step, naming the links that would go with the note. */
    public void confirmDelete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation a = service.get(id(ctx));
        if (a.deleted()) {
            throw new AnnotationException(404, null, "Note " + a.id() + " has already been deleted.");
        }
        if (a.authorId() != user.id()) {
            throw new AnnotationException(403, null, "Only its author can delete this note.");
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
        ctx.redirect(a.isReply() && !toEssay(ctx) ? "/annotations/" + a.parentId()
                : "/essays/" + a.essaySlug() + (a.isReply() ? "#a-" + a.parentId() : paragraphOf(a)), HttpStatus.SEE_OTHER);
    }

    /** "#p12" for the paragraph the note stood in, so the reader comes back to where they were; else "". */
    private String paragraphOf(Annotation a) {
        if (a.orphan() || a.anchor() == null) {
            return "";
        }
        try {
            return essayPage.blockAt(service.essay(a.essaySlug()), a.anchor().start()).map(id -> "#" + id).orElse("");
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

    private static HistoryEntry withoutWords(HistoryEntry h) {
        return new HistoryEntry(h.id(), h.annotationId(), h.editor(), h.at(), h.change(), null, null, null, null,
                h.passageBefore(), h.passageAfter());
    }

    private EssayRevision found(String slug) throws AnnotationException {
        return service.essay(slug);
    }

    /**
     * Words typed on a paragraph's form that occur once in that paragraph mean that occurrence, however
     * often they occur elsewhere in the essay; otherwise the words are looked up in the whole essay.
     */
    private PassageInput inBlock(EssayRevision essay, String block, PassageInput p) {
        if (p.exact() == null || p.start() != null || p.occurrence() != null) {
            return p;
        }
        return essayPage.block(essay, block).map(range -> {
            CodePointText text = new CodePointText(essay.canonicalText().text());
            List<TextPositionSelector> here = glossa.anchoring.QuoteFinder.find(text, p.exact()).stream()
                    .filter(f -> f.start() >= range.start() && f.end() <= range.end()).toList();
            return here.size() == 1 ? new PassageInput(null, here.get(0).start(), here.get(0).end(), p.exact(), null, null, null) : p;
        }).orElse(p);
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

    /** Each occurrence of ambiguous words with the text around it, so the reader picks by context, not by number. */
    public static List<Choice> choices(EssayRevision essay, List<TextPositionSelector> found) {
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
