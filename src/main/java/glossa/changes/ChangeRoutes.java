package glossa.changes;

import glossa.essays.EssayCatalog;
import glossa.storage.Jdbc;
import io.javalin.config.RoutesConfig;

/** Recent changes across the wiki: {@code /changes}. */
public final class ChangeRoutes {

    private final ChangesController pages;

    public ChangeRoutes(Jdbc jdbc, EssayCatalog catalog) {
        pages = new ChangesController(new ChangeRepository(jdbc), catalog);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/changes", pages::list);
    }
}
