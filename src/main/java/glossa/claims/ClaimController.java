package glossa.claims;

import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.PassageInput;
import glossa.errors.Reason;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Claim pages (the wiki part): list, page with accounts side by side, edit, attaching passages; and the synopsis. */
final class ClaimController {

    private final ClaimService service;
    private final ClaimRepository claims;
    private final AnnotationRepository notes;
    private final EssayCatalog catalog;

    ClaimController(ClaimService service, ClaimRepository claims, AnnotationRepository notes, EssayCatalog catalog) {
        this.service = service;
        this.claims = claims;
        this.notes = notes;
        this.catalog = catalog;
    }

    public void list(Context ctx) {
        List<ClaimSummary> list = new ArrayList<>();
        Map<Long, List<ClaimPassage>> byClaim = new HashMap<>();
        claims.allPassages()
                .forEach(p -> byClaim.computeIfAbsent(p.claimId(), k -> new ArrayList<>())
                        .add(p));
        for (Claim c : claims.all()) {
            List<ClaimPassage> ps = byClaim.getOrDefault(c.id(), List.of());
            list.add(new ClaimSummary(
                    c.slug(),
                    c.title(),
                    (int) ps.stream().map(ClaimPassage::essaySlug).distinct().count(),
                    ps.size()));
        }
        ctx.render("claims/index", Map.of("claims", list));
    }

    /** One column per essay that tells the claim, each passage with its stance and the notes on it. */
    public void show(Context ctx) throws ClaimException {
        Claim claim = service.get(ctx.pathParam("slug"));
        Map<String, List<Map<String, Object>>> columns = new LinkedHashMap<>();
        for (EssayRevision e : catalog.all()) {
            columns.put(e.slug(), new ArrayList<>());
        }
        // Each essay's notes are read once, however many of its passages the claim gathers.
        Map<Long, List<glossa.annotations.Annotation>> notesByEssay = new HashMap<>();
        for (ClaimPassage p : claims.passages(claim.id())) {
            Map<String, Object> item = new HashMap<>();
            item.put("passage", p);
            item.put("notes", notesOn(p, notesByEssay.computeIfAbsent(p.essayId(), notes::forEssay)));
            columns.computeIfAbsent(p.essaySlug(), k -> new ArrayList<>()).add(item);
        }
        List<Map<String, Object>> cols = new ArrayList<>();
        columns.forEach((slug, items) -> {
            if (!items.isEmpty()) {
                catalog.find(slug).ifPresent(e -> cols.add(Map.of("essay", e, "items", items)));
            }
        });
        Map<String, Object> m = new HashMap<>();
        m.put("claim", claim);
        m.put("columns", cols);
        m.put("essays", catalog.all());
        m.put("stances", Stance.values());
        m.put("errors", Map.of());
        m.put(
                "silent",
                catalog.all().stream()
                        .filter(e -> cols.stream()
                                .noneMatch(c ->
                                        ((EssayRevision) c.get("essay")).slug().equals(e.slug())))
                        .toList());
        ctx.render("claims/show", m);
    }

    /** Notes by readers that overlap the passage, so the page shows what has been said about each account. */
    private static List<glossa.annotations.Annotation> notesOn(
            ClaimPassage p, List<glossa.annotations.Annotation> essayNotes) {
        if (p.gone()) {
            return List.of();
        }
        return essayNotes.stream()
                .filter(a -> a.visible()
                        && !a.isReply()
                        && !a.orphan()
                        && a.kind() != glossa.annotations.Kind.ANCHOR
                        && a.anchor().start() < p.end()
                        && a.anchor().end() > p.start())
                .toList();
    }

    public void showNew(Context ctx) {
        Access.requireUser(ctx);
        ctx.render(
                "claims/edit",
                Map.of(
                        "claim",
                        Map.of(),
                        "values",
                        Map.of("title", "", "description", "", "summary", ""),
                        "errors",
                        Map.of(),
                        "isNew",
                        true));
    }

    public void create(Context ctx) {
        User user = Access.requireUser(ctx);
        try {
            Claim c = service.create(
                    user, null, ctx.formParam("title"), ctx.formParam("description"), ctx.formParam("summary"));
            ctx.redirect("/claims/" + c.slug(), HttpStatus.SEE_OTHER);
        } catch (ClaimException e) {
            ctx.status(e.reason() == Reason.CONFLICT ? 409 : 422)
                    .render(
                            "claims/edit",
                            Map.of(
                                    "claim",
                                    Map.of(),
                                    "values",
                                    values(ctx),
                                    "errors",
                                    Map.of(e.field() == null ? "form" : e.field(), e.getMessage()),
                                    "isNew",
                                    true));
        }
    }

    public void showEdit(Context ctx) throws ClaimException {
        Access.requireUser(ctx);
        Claim c = service.get(ctx.pathParam("slug"));
        ctx.render(
                "claims/edit",
                Map.of(
                        "claim",
                        c,
                        "values",
                        Map.of(
                                "title",
                                c.title(),
                                "description",
                                c.description(),
                                "summary",
                                "",
                                "base",
                                Integer.toString(c.revisionNo())),
                        "errors",
                        Map.of(),
                        "isNew",
                        false));
    }

    public void edit(Context ctx) throws ClaimException {
        User user = Access.requireUser(ctx);
        Claim c = service.get(ctx.pathParam("slug"));
        try {
            service.edit(
                    user,
                    c.slug(),
                    ctx.formParam("title"),
                    ctx.formParam("description"),
                    ctx.formParam("summary"),
                    Params.formInt(ctx, "base"));
            ctx.redirect("/claims/" + c.slug(), HttpStatus.SEE_OTHER);
        } catch (ClaimException e) {
            Map<String, String> values = values(ctx);
            if (e.reason() == Reason.STALE) {
                // Someone saved first: the reader's text stays in the form, now based on the newest
                // revision, so saving again (after comparing) is a deliberate overwrite.
                values.put("base", Integer.toString(service.get(c.slug()).revisionNo()));
            }
            ctx.status(e.reason() == Reason.CONFLICT || e.reason() == Reason.STALE ? 409 : 422)
                    .render(
                            "claims/edit",
                            Map.of(
                                    "claim",
                                    c,
                                    "values",
                                    values,
                                    "errors",
                                    Map.of(e.field() == null ? "form" : e.field(), e.getMessage()),
                                    "isNew",
                                    false));
        }
    }

    public void attach(Context ctx) throws ClaimException, AnnotationException {
        User user = Access.requireUser(ctx);
        String slug = ctx.pathParam("slug");
        String essay = ctx.formParam("essay");
        if (essay == null || essay.isBlank()) {
            throw new ClaimException(Reason.INVALID, "essay", "Choose the essay the passage is in.");
        }
        Integer occurrence = Params.formInt(ctx, "occurrence");
        try {
            service.attach(
                    user,
                    slug,
                    essay,
                    new PassageInput(null, null, null, ctx.formParam("exact"), null, null, occurrence),
                    ctx.formParam("stance"),
                    null);
            ctx.redirect("/claims/" + slug, HttpStatus.SEE_OTHER);
        } catch (AnnotationException e) {
            throw new ClaimException(
                    e.reason() == Reason.NOT_FOUND ? Reason.INVALID : e.reason(), "exact", e.getMessage());
        }
    }

    /** {@code /synopsis}: one row per claim, one column per essay, as in a gospel synopsis. */
    public void synopsis(Context ctx) {
        List<EssayRevision> essays = catalog.all();
        Map<Long, Map<String, List<ClaimPassage>>> cells = new HashMap<>();
        for (ClaimPassage p : claims.allPassages()) {
            cells.computeIfAbsent(p.claimId(), k -> new HashMap<>())
                    .computeIfAbsent(p.essaySlug(), k -> new ArrayList<>())
                    .add(p);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Claim c : claims.all()) {
            Map<String, List<ClaimPassage>> byEssay = cells.getOrDefault(c.id(), Map.of());
            List<List<ClaimPassage>> row = essays.stream()
                    .map(e -> byEssay.getOrDefault(e.slug(), List.of()))
                    .toList();
            rows.add(Map.of("claim", c, "cells", row));
        }
        ctx.render("claims/synopsis", Map.of("essays", essays, "rows", rows));
    }

    private static Map<String, String> values(Context ctx) {
        Map<String, String> v = new HashMap<>();
        for (String f : List.of("title", "description", "summary", "base")) {
            v.put(f, ctx.formParam(f) == null ? "" : ctx.formParam(f));
        }
        return v;
    }
}
