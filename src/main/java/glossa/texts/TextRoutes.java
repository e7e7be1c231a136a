package glossa.texts;

import glossa.essays.EssayEditor;
import io.javalin.config.RoutesConfig;

/** Adding a new text: {@code /essays/new}. Mounted before the reading page, whose {@code /essays/{slug}} would match it too. */
public final class TextRoutes {

    private final AddTextController pages;

    public TextRoutes(EssayEditor editor) {
        pages = new AddTextController(editor);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/essays/new", pages::showForm);
        routes.post("/essays/new", pages::process);
    }
}
