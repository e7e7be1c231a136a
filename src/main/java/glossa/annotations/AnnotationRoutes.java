package glossa.annotations;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.essays.EssayRepository;
import glossa.essays.EssayTemplates;
import io.javalin.config.RoutesConfig;

/** The notes' URLs: the forms that work without JavaScript, each note's page and actions, and the W3C annotation API. */
public final class AnnotationRoutes {

    private final AnnotateForm form;
    private final AnnotationController pages;
    private final AnnotationApi api;

    /** {@code extras} lists and removes the links a note carries when it is deleted (the links feature provides it). */
    public AnnotationRoutes(
            AnnotationService service,
            AnnotationRepository notes,
            EssayRepository essays,
            EssayTemplates templates,
            MarginExtras extras,
            ObjectMapper json) {
        form = new AnnotateForm(service, templates);
        pages = new AnnotationController(service, notes, templates, extras);
        api = new AnnotationApi(service, notes, essays, json);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/essays/{slug}/annotate", form::show);
        routes.post("/essays/{slug}/annotations", form::create);
        routes.get("/annotations/{id}", pages::show);
        routes.post("/annotations/{id}/replies", pages::reply);
        routes.post("/annotations/{id}/edit", pages::edit);
        routes.get("/annotations/{id}/delete", pages::confirmDelete);
        routes.post("/annotations/{id}/delete", pages::delete);
        routes.post("/preview", pages::preview);
        routes.post("/annotations/{id}/hide", pages::hide);
        routes.post("/annotations/{id}/restore", pages::restore);
        routes.post("/annotations/{id}/reattach", pages::reattach);
        addApiTo(routes);
    }

    private void addApiTo(RoutesConfig routes) {
        routes.get("/api/annotations/", api::allContainer);
        routes.head("/api/annotations/", api::allContainer);
        routes.options("/api/annotations/", api::containerOptions);
        routes.post("/api/annotations/", api::create);
        routes.get("/api/annotations/{id}", api::get);
        routes.head("/api/annotations/{id}", api::get);
        routes.options("/api/annotations/{id}", api::itemOptions);
        routes.put("/api/annotations/{id}", api::put);
        routes.delete("/api/annotations/{id}", api::delete);
        routes.get("/api/essays/{slug}/annotations/", api::essayContainer);
        routes.head("/api/essays/{slug}/annotations/", api::essayContainer);
        routes.options("/api/essays/{slug}/annotations/", api::essayContainerOptions);
        routes.post("/api/essays/{slug}/annotations/", api::createInEssay);
    }
}
