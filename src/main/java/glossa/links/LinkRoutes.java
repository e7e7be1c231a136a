package glossa.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.annotations.AnnotationService;
import glossa.essays.EssayCatalog;
import io.javalin.config.RoutesConfig;

/**
 * The links' URLs: the link form on a note, removing a link, and {@code /api/links/}. The side-by-side
 * comparison of two essays is a reading page ({@code glossa.reading}), drawn from the links' data.
 */
public final class LinkRoutes {

    private final LinkController pages;
    private final LinkApi api;

    public LinkRoutes(
            LinkService service,
            LinkRepository links,
            AnnotationService annotations,
            EssayCatalog catalog,
            ObjectMapper json) {
        pages = new LinkController(service, links, annotations, catalog);
        api = new LinkApi(service, links, annotations, json);
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
