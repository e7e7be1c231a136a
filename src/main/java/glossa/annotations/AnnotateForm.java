package glossa.annotations;

import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.anchoring.CodePointText;
import glossa.anchoring.QuoteFinder;
import glossa.anchoring.TextPositionSelector;
import glossa.errors.Reason;
import glossa.essays.EssayRevision;
import glossa.essays.EssayTemplates;
import glossa.web.ErrorPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form that makes a note without JavaScript ({@code /essays/{slug}/annotate}): the reader types the
 * passage's words, or starts from a paragraph's "Annotate" link, which puts the paragraph's words in the
 * field. A refused form comes back with what was typed and a message (or the occurrences to choose from);
 * a saved note redirects to its place in the essay.
 */
final class AnnotateForm {

    private final AnnotationService service;
    private final EssayTemplates templates;

    AnnotateForm(AnnotationService service, EssayTemplates templates) {
        this.service = service;
        this.templates = templates;
    }

    void show(Context ctx) throws AnnotationException {
        Access.requireUser(ctx);
        EssayRevision essay = service.essay(ctx.pathParam("slug"));
        String block = ctx.queryParam("block");
        Map<String, Object> m = formModel(essay, block, Map.of(), Map.of(), List.of());
        // Without JavaScript the reader cannot select: the paragraph is shown and its words put in the
        // passage field, to annotate whole or to cut down to the words meant.
        templates.block(essay, block).ifPresent(range -> {
            String words = new CodePointText(essay.canonicalText().text())
                    .slice(range.start(), range.end())
                    .strip();
            m.put("paragraph", words);
            m.put("values", Map.of("exact", words, "body", "", "tags", "", "kind", "comment"));
        });
        ctx.render("annotations/new", m);
    }

    void create(Context ctx) throws AnnotationException {
        User user = Access.requireUser(ctx);
        EssayRevision essay = service.essay(ctx.pathParam("slug"));
        try {
            NoteInput note =
                    NoteInput.parse(ctx.formParam("body"), ctx.formParam("tags"), ctx.formParam("kind"), false);
            Annotation a = service.create(
                    user,
                    essay.slug(),
                    inBlock(essay, ctx.formParam("block"), AnnotationController.passage(ctx)),
                    note,
                    null);
            ctx.redirect("/essays/" + essay.slug() + "#a-" + a.id(), HttpStatus.SEE_OTHER);
        } catch (AnnotationException.Ambiguous e) {
            ctx.status(422)
                    .render(
                            "annotations/new",
                            formModel(
                                    essay,
                                    ctx.formParam("block"),
                                    Map.of("exact", e.getMessage()),
                                    echo(ctx),
                                    Choice.all(essay, e.occurrences())));
        } catch (AnnotationException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                throw e;
            }
            ctx.status(ErrorPages.status(e.reason()))
                    .render(
                            "annotations/new",
                            formModel(
                                    essay,
                                    ctx.formParam("block"),
                                    Map.of(e.field() == null ? "form" : e.field(), e.getMessage()),
                                    echo(ctx),
                                    List.of()));
        }
    }

    /**
     * Words typed on a paragraph's form that occur once in that paragraph mean that occurrence, however
     * often they occur elsewhere in the essay; otherwise the words are looked up in the whole essay.
     */
    private PassageInput inBlock(EssayRevision essay, String block, PassageInput p) {
        if (p.exact() == null || p.start() != null || p.occurrence() != null) {
            return p;
        }
        return templates
                .block(essay, block)
                .map(range -> {
                    CodePointText text = new CodePointText(essay.canonicalText().text());
                    List<TextPositionSelector> here = QuoteFinder.find(text, p.exact()).stream()
                            .filter(f -> f.start() >= range.start() && f.end() <= range.end())
                            .toList();
                    return here.size() == 1
                            ? new PassageInput(
                                    null, here.get(0).start(), here.get(0).end(), p.exact(), null, null, null)
                            : p;
                })
                .orElse(p);
    }

    private static Map<String, String> echo(Context ctx) {
        Map<String, String> values = new HashMap<>();
        for (String f : List.of("exact", "body", "tags", "kind")) {
            String v = ctx.formParam(f);
            values.put(f, v == null ? "" : v);
        }
        return values;
    }

    private static Map<String, Object> formModel(
            EssayRevision essay,
            String block,
            Map<String, String> errors,
            Map<String, String> values,
            List<Choice.Option> choices) {
        Map<String, Object> m = new HashMap<>();
        m.put("essay", essay);
        m.put("block", block == null ? "" : block);
        m.put("errors", errors);
        m.put("values", values.isEmpty() ? Map.of("exact", "", "body", "", "tags", "", "kind", "comment") : values);
        m.put("choices", choices);
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        return m;
    }
}
