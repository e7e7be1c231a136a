package glossa.essays;

import io.javalin.http.Handler;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The essay list and each essay's plain text. Both are served by the reading feature, through its page
 * cache ({@code reading/ReadingRoutes} owns {@code /} and {@code /essays/{slug}}): this class hands it
 * their builders and mounts no URL of its own.
 */
public final class EssayRoutes {

    private final EssayController pages;

    /** {@code noteCounts} gives visible notes per essay id, for the list (the annotations feature provides it). */
    public EssayRoutes(EssayCatalog catalog, Supplier<Map<Long, Integer>> noteCounts) {
        pages = new EssayController(catalog, noteCounts);
    }

    /** Draws the essay list at {@code /}. */
    public Handler listPage() {
        return pages::index;
    }

    /** Answers {@code /essays/{slug}.txt}: the canonical text that notes anchor to. */
    public Handler plainText() {
        return pages::text;
    }
}
