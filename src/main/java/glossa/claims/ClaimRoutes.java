package glossa.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.annotations.AnnotationRepository;
import glossa.essays.EssayCatalog;
import io.javalin.config.RoutesConfig;

/** The claim pages' URLs: list, new, show, edit, history, diff, revert, attaching passages, the synopsis, and {@code /api/claims/}. */
public final class ClaimRoutes {

    private final ClaimController pages;
    private final ClaimApi api;

    public ClaimRoutes(ClaimService service, ClaimRepository claims, AnnotationRepository notes, EssayCatalog catalog,
                       ObjectMapper json) {
        pages = new ClaimController(service, claims, notes, catalog);
        api = new ClaimApi(service, claims, json);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/claims", pages::list);
        routes.get("/claims/new", pages::showNew);
        routes.post("/claims", pages::create);
        routes.get("/claims/{slug}", pages::show);
        routes.get("/claims/{slug}/edit", pages::showEdit);
        routes.post("/claims/{slug}/edit", pages::edit);
        routes.get("/claims/{slug}/history", pages::history);
        routes.get("/claims/{slug}/diff", pages::diff);
        routes.post("/claims/{slug}/revert", pages::revert);
        routes.post("/claims/{slug}/passages", pages::attach);
        routes.get("/synopsis", pages::synopsis);
        routes.get("/api/claims/", api::list);
        routes.post("/api/claims/", api::create);
        routes.get("/api/claims/{slug}", api::get);
        routes.put("/api/claims/{slug}", api::put);
        routes.get("/api/claims/{slug}/history", api::history);
    }
}
