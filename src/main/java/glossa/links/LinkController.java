package glossa.links;

import glossa.web.Params;
import glossa.web.ErrorPages;
import glossa.errors.Reason;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.Choice;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.annotations.Highlighter;
import glossa.annotations.PassageInput;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.accounts.Access;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Making and removing links between passages, and the compare view of two essays. */
final class LinkController {

    private final LinkService service;
    private final LinkRepository links;
    private final AnnotationService annotations;
    private final AnnotationRepository notes;
    private final EssayCatalog catalog;
    private final EssayPage essayPage;

    LinkController(LinkService service, LinkRepository links, AnnotationService annotations, AnnotationRepository notes,
                          EssayCatalog catalog, EssayPage essayPage) {
        this.service = service;
        this.links = links;
        this.annotations = annotations;
        this.notes = notes;
        this.catalog = catalog;
        this.essayPage = essayPage;
    }

    public void showForm(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation from = annotations.get(id(ctx));
        if (from.authorId() != user.id() && !user.can(glossa.accounts.Role.MODERATOR)) {
            throw new AnnotationException(Reason.FORBIDDEN, null, "Only the note's author or a moderator can link from this note.");
        }
        ctx.render("links/new", model(from, Map.of(), Map.of("essay", "", "exact", "", "relation", "same-event", "comment", "")));
    }

    public void create(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation from = annotations.get(id(ctx));
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("essay", "exact", "relation", "comment", "occurrence", "start", "end", "revision")) {
            values.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f));
        }
        if (catalog.find(values.get("essay")).isEmpty()) {
            ctx.status(422).render("links/new", model(from, Map.of("essay", "Choose an essay to link to."), values));
            return;
        }
        try {
            // The picker sends the selected passage's position (and its words, checked against it); the form, only words.
            service.link(user, from.id(), values.get("essay"), new PassageInput(number(values, "revision"), number(values, "start"),
                    number(values, "end"), values.get("exact").isBlank() ? null : values.get("exact"), null, null, number(values, "occurrence")),
                    values.get("relation"), values.get("comment"), null);
            ctx.redirect("/essays/" + from.essaySlug() + "#a-" + from.id(), HttpStatus.SEE_OTHER);
        } catch (AnnotationException e) {
            Map<String, Object> m = model(from, Map.of(e.field() == null ? "form" : e.field(), e.getMessage()), values);
            if (e instanceof AnnotationException.Ambiguous a) {
                m.put("choices", Choice.all(annotations.essay(values.get("essay")), a.occurrences()));
            }
            ctx.status(e.reason() == Reason.NOT_FOUND || e.reason() == Reason.FORBIDDEN ? ErrorPages.status(e.reason()) : 422).render("links/new", m);
        }
    }

    /** {@code GET /links/{id}/remove}: the confirmation step (with JavaScript the card confirms in place). */
    public void confirmDelete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        LinkView link = links.find(id).orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + id + "."));
        if (!service.mayRemove(user, link)) {
            throw new AnnotationException(Reason.FORBIDDEN, null, "Only its author or a moderator can remove this link.");
        }
        Annotation here = annotations.get(link.hereId());
        Map<String, Object> m = new HashMap<>();
        m.put("link", link);
        m.put("here", here);
        m.put("otherTitle", catalog.find(link.otherSlug()).map(e -> e.meta().title()).orElse(link.otherSlug()));
        ctx.render("links/remove", m);
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        LinkView link = links.find(id).orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + id + "."));
        service.unlink(user, id);
        // Back to the end the reader removed it from: "at" names one of the link's two ends, nothing else.
        String at = ctx.formParam("at");
        long back = at != null && at.equals(Long.toString(link.otherId())) ? link.otherId() : link.hereId();
        Annotation here = annotations.get(back);
        ctx.redirect("note".equals(ctx.formParam("return")) && here.kind() != glossa.annotations.Kind.ANCHOR ? "/annotations/" + here.id()
                : "/essays/" + here.essaySlug() + "#a-" + here.id(), HttpStatus.SEE_OTHER);
    }

    /** {@code /compare/{a}/{b}}: both essays side by side, every link between them listed and (with JavaScript) drawn. */
    public void compare(Context ctx) throws AnnotationException {
        EssayRevision a = annotations.essay(ctx.pathParam("a"));
        EssayRevision b = annotations.essay(ctx.pathParam("b"));
        List<LinkView> between = links.forEssay(a.essayId()).stream()
                .filter(l -> l.otherSlug().equals(b.slug()) && !l.otherRemoved()).toList();
        Map<Long, Annotation> byId = new HashMap<>();
        notes.forEssay(a.essayId()).forEach(n -> byId.put(n.id(), n));
        notes.forEssay(b.essayId()).forEach(n -> byId.put(n.id(), n));
        List<Highlighter.Span> spansA = new ArrayList<>();
        List<Highlighter.Span> spansB = new ArrayList<>();
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (LinkView l : between) {
            Annotation here = byId.get(l.hereId());
            Annotation there = byId.get(l.otherId());
            if (here == null || there == null || here.orphan() || there.orphan()) {
                continue;
            }
            spansA.add(new Highlighter.Span(here.anchor().start(), here.anchor().end(), here.id(), "hl-link"));
            spansB.add(new Highlighter.Span(there.anchor().start(), there.anchor().end(), there.id(), "hl-link"));
            Map<String, Object> pair = new HashMap<>();
            pair.put("id", l.id());
            pair.put("from", here.id());
            pair.put("to", there.id());
            pair.put("relation", l.reads());
            pair.put("left", here.quote().exact());
            pair.put("right", there.quote().exact());
            pairs.add(pair);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("a", a);
        m.put("b", b);
        // Two essays on one page: each one's footnotes region gets its own name (landmarks must be told apart).
        m.put("htmlA", namedNotes(essayPage.highlighted(a, spansA), a));
        m.put("htmlB", namedNotes(essayPage.highlighted(b, spansB), b));
        m.put("pairs", pairs);
        m.put("essays", catalog.all());
        ctx.render("links/compare", m);
    }

    private Map<String, Object> model(Annotation from, Map<String, String> errors, Map<String, String> values) {
        Map<String, Object> m = new HashMap<>();
        m.put("from", from);
        m.put("essays", catalog.all().stream().filter(e -> e.essayId() != from.essayId()).toList());
        m.put("relations", Relation.values());
        m.put("errors", errors);
        m.put("values", values);
        m.put("choices", List.of());
        return m;
    }

    private static String namedNotes(String html, EssayRevision essay) {
        return html.replace("aria-label=\"Notes\"", "aria-label=\"Notes to " + org.jsoup.nodes.Entities.escape(essay.meta().title()) + "\"");
    }

    private static Integer number(Map<String, String> values, String field) {
        return Params.wholeNumber(values.get(field), field);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
