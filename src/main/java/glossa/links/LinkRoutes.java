package glossa.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.essays.EssayCatalog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * The links' URLs: the link form on a note, removing a link, and {@code /api/links/}. The side-by-side
 * comparison is served through the reading feature's page cache, which is handed its builder ({@link #comparePage}).
 */
public final class LinkRoutes {

    private final LinkController pages;
    private final LinkApi api;

    public LinkRoutes(LinkService service, LinkRepository links, AnnotationService annotations, AnnotationRepository notes,
                      EssayCatalog catalog, EssayPage essayPage, ObjectMapper json) {
        pages = new LinkController(service, links, annotations, notes, catalog, essayPage);
        api = new LinkApi(service, links, annotations, json);
    }

    /** Draws the side-by-side comparison, {@code /compare/{a}/{b}}. */
    public Handler comparePage() {
        return pages::compare;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/annotations/{id}/link", pages::showForm);
        routes.post("/annotations/{id}/links", pages::create);
        routes.get("/links/{id}/remove", pages::confirmDelete);
        routes.post("/links/{id}/delete", pages::delete);
        routes.get("/api/links/", api::list);
        routes.post("/api/links/", api::create);
        routes.get("/api/links/{id}", api::get);
        routes.delete("/api/links/{id}", api::delete);
    }
}
