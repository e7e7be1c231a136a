package glossa.claims;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.annotations.AnnotationRepository;
import glossa.essays.EssayCatalog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * The claim pages' URLs: list, new, edit, history, diff, revert, attaching passages, and {@code /api/claims/}.
 * A claim's page and the synopsis are served through the reading feature's page cache, which is handed
 * their builders ({@link #claimPage}, {@link #synopsisPage}); mount these routes before it, so that
 * {@code /claims/new} is not taken for a claim.
 */
public final class ClaimRoutes {

    private final ClaimController pages;
    private final ClaimHistory history;
    private final ClaimApi api;

    public ClaimRoutes(
            ClaimService service,
            ClaimRepository claims,
            AnnotationRepository notes,
            EssayCatalog catalog,
            ObjectMapper json) {
        pages = new ClaimController(service, claims, notes, catalog);
        history = new ClaimHistory(service);
        api = new ClaimApi(service, claims, json);
    }

    /** Draws a claim's page, {@code /claims/{slug}} (its own "no such claim" page too). */
    public Handler claimPage() {
        return pages::show;
    }

    /** Draws the synopsis, {@code /synopsis}. */
    public Handler synopsisPage() {
        return pages::synopsis;
    }

    /**
     * The new-claim form, {@code /claims/new}: mounted on its own, before the reading pages, whose
     * {@code /claims/{slug}} would otherwise take it (Javalin tries routes in the order added).
     */
    public void addNewFormTo(RoutesConfig routes) {
        routes.get("/claims/new", pages::showNew);
    }

    /** Every other claim route (see {@link #addNewFormTo}). */
    public void addTo(RoutesConfig routes) {
        routes.get("/claims", pages::list);
        routes.post("/claims", pages::create);
        routes.get("/claims/{slug}/edit", pages::showEdit);
        routes.post("/claims/{slug}/edit", pages::edit);
        routes.get("/claims/{slug}/history", history::list);
        routes.get("/claims/{slug}/diff", history::diff);
        routes.post("/claims/{slug}/revert", history::revert);
        routes.post("/claims/{slug}/passages", pages::attach);
        routes.get("/api/claims/", api::list);
        routes.post("/api/claims/", api::create);
        routes.get("/api/claims/{slug}", api::get);
        routes.put("/api/claims/{slug}", api::put);
        routes.get("/api/claims/{slug}/history", api::history);
    }
}
