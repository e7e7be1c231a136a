package glossa.editing;

import glossa.annotations.AnnotationRepository;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayEditor;
import glossa.essays.EssayRepository;
import io.javalin.config.RoutesConfig;

/** Editing an essay's text: the edit form, its history, diffs between revisions, and reverting. */
public final class EditingRoutes {

    private final EditController pages;

    public EditingRoutes(EssayEditor editor, EssayRepository essays, EssayCatalog catalog, AnnotationRepository notes) {
        pages = new EditController(editor, essays, catalog, notes);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/essays/{slug}/edit", pages::showEdit);
        routes.post("/essays/{slug}/edit", pages::processEdit);
        routes.get("/essays/{slug}/history", pages::history);
        routes.get("/essays/{slug}/diff", pages::diff);
        routes.post("/essays/{slug}/revert", pages::revert);
    }
}
