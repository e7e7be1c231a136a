package glossa.links;

import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationService;
import glossa.annotations.Choice;
import glossa.annotations.PassageInput;
import glossa.errors.Reason;
import glossa.essays.EssayCatalog;
import glossa.web.ErrorPages;
import glossa.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Making and removing links between passages. */
final class LinkController {

    private final LinkService service;
    private final LinkRepository links;
    private final AnnotationService annotations;
    private final EssayCatalog catalog;

    LinkController(LinkService service, LinkRepository links, AnnotationService annotations, EssayCatalog catalog) {
        this.service = service;
        this.links = links;
        this.annotations = annotations;
        this.catalog = catalog;
    }

    public void showForm(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        Annotation from = annotations.get(id(ctx));
        if (from.authorId() != user.id() && !user.can(glossa.accounts.Role.MODERATOR)) {
            throw new AnnotationException(
                    Reason.FORBIDDEN, null, "Only the note's author or a moderator can link from this note.");
        }
        ctx.render(
                "links/new",
                model(from, Map.of(), Map.of("essay", "", "exact", "", "relation", "same-event", "comment", "")));
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
            // The picker sends the selected passage's position (and its words, checked against it); the form, only
            // words.
            service.link(
                    user,
                    from.id(),
                    values.get("essay"),
                    new PassageInput(
                            number(values, "revision"),
                            number(values, "start"),
                            number(values, "end"),
                            values.get("exact").isBlank() ? null : values.get("exact"),
                            null,
                            null,
                            number(values, "occurrence")),
                    values.get("relation"),
                    values.get("comment"),
                    null);
            ctx.redirect("/essays/" + from.essaySlug() + "#a-" + from.id(), HttpStatus.SEE_OTHER);
        } catch (AnnotationException e) {
            Map<String, Object> m = model(from, Map.of(e.field() == null ? "form" : e.field(), e.getMessage()), values);
            if (e instanceof AnnotationException.Ambiguous a) {
                m.put("choices", Choice.all(annotations.essay(values.get("essay")), a.occurrences()));
            }
            ctx.status(
                            e.reason() == Reason.NOT_FOUND || e.reason() == Reason.FORBIDDEN
                                    ? ErrorPages.status(e.reason())
                                    : 422)
                    .render("links/new", m);
        }
    }

    /** {@code GET /links/{id}/remove}: the confirmation step (with JavaScript the card confirms in place). */
    public void confirmDelete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        LinkView link = links.find(id)
                .orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + id + "."));
        if (!service.mayRemove(user, link)) {
            throw new AnnotationException(
                    Reason.FORBIDDEN, null, "Only its author or a moderator can remove this link.");
        }
        Annotation here = annotations.get(link.hereId());
        Map<String, Object> m = new HashMap<>();
        m.put("link", link);
        m.put("here", here);
        m.put(
                "otherTitle",
                catalog.find(link.otherSlug()).map(e -> e.meta().title()).orElse(link.otherSlug()));
        ctx.render("links/remove", m);
    }

    public void delete(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        long id = id(ctx);
        LinkView link = links.find(id)
                .orElseThrow(() -> new AnnotationException(Reason.NOT_FOUND, null, "There is no link " + id + "."));
        service.unlink(user, id);
        // Back to the end the reader removed it from: "at" names one of the link's two ends, nothing else.
        String at = ctx.formParam("at");
        long back = at != null && at.equals(Long.toString(link.otherId())) ? link.otherId() : link.hereId();
        Annotation here = annotations.get(back);
        ctx.redirect(
                "note".equals(ctx.formParam("return")) && here.kind() != glossa.annotations.Kind.ANCHOR
                        ? "/annotations/" + here.id()
                        : "/essays/" + here.essaySlug() + "#a-" + here.id(),
                HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> model(Annotation from, Map<String, String> errors, Map<String, String> values) {
        Map<String, Object> m = new HashMap<>();
        m.put("from", from);
        m.put(
                "essays",
                catalog.all().stream()
                        .filter(e -> e.essayId() != from.essayId())
                        .toList());
        m.put("relations", Relation.values());
        m.put("errors", errors);
        m.put("values", values);
        m.put("choices", List.of());
        return m;
    }

    private static Integer number(Map<String, String> values, String field) {
        return Params.wholeNumber(values.get(field), field);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }
}
