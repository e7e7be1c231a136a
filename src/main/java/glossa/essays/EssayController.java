package glossa.essays;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.function.Supplier;

/** The essay list, the reading page and the canonical text of each essay. */
final class EssayController {

    private static final String TEXT_SUFFIX = ".txt";

    private final EssayCatalog catalog;
    private final Supplier<Map<Long, Integer>> noteCounts;

    /** {@code noteCounts} gives visible notes per essay id, for the list. */
    EssayController(EssayCatalog catalog, Supplier<Map<Long, Integer>> noteCounts) {
        this.catalog = catalog;
        this.noteCounts = noteCounts;
    }

    public void index(Context ctx) {
        ctx.render("essays/index", Map.of("essays", catalog.all(), "noteCounts", noteCounts.get()));
    }

    /** {@code /essays/{slug}.txt}: the canonical text that notes anchor to. */
    public void text(Context ctx) {
        String slug = ctx.pathParam("slug");
        EssayRevision essay = find(slug.substring(0, slug.length() - TEXT_SUFFIX.length()));
        ctx.contentType("text/plain; charset=utf-8")
                .header("X-Essay-Revision", Integer.toString(essay.revisionNo()))
                .result(essay.canonicalText().text());
    }

    private EssayRevision find(String slug) {
        return catalog.find(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d."));
    }
}
