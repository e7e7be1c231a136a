package glossa.essays;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.function.Supplier;

/** The essay list at {@code /}; the plain text of each essay is handed to the reading page, which shares its path. */
public final class EssayRoutes {

    private final EssayController pages;

    /** {@code noteCounts} gives visible notes per essay id, for the list (the annotations feature provides it). */
    public EssayRoutes(EssayCatalog catalog, Supplier<Map<Long, Integer>> noteCounts) {
        pages = new EssayController(catalog, noteCounts);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/", pages::index);
    }

    /** Answers {@code /essays/{slug}.txt}: the canonical text that notes anchor to. */
    public Handler plainText() {
        return pages::text;
    }
}
