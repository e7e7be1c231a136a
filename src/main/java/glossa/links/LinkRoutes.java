package glossa.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.essays.EssayCatalog;
import io.javalin.config.RoutesConfig;

/** The links' URLs: the link form on a note, removing a link, the side-by-side comparison, and {@code /api/links/}. */
public final class LinkRoutes {

    private final LinkController pages;
    private final LinkApi api;

    public LinkRoutes(LinkService service, LinkRepository links, AnnotationService annotations, AnnotationRepository notes,
                      EssayCatalog catalog, EssayPage essayPage, ObjectMapper json) {
        pages = new LinkController(service, links, annotations, notes, catalog, essayPage);
        api = new LinkApi(service, links, annotations, json);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/annotations/{id}/link", pages::showForm);
        routes.post("/annotations/{id}/links", pages::create);
        routes.get("/links/{id}/remove", pages::confirmDelete);
        routes.post("/links/{id}/delete", pages::delete);
        routes.get("/compare/{a}/{b}", pages::compare);
        routes.get("/api/links/", api::list);
        routes.post("/api/links/", api::create);
        routes.get("/api/links/{id}", api::get);
        routes.delete("/api/links/{id}", api::delete);
    }
}
