package glossa.essays;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.Map;

/** The essay list, the reading page and the canonical text of each essay. */
public final class EssayController {

    private static final String TEXT_SUFFIX = ".txt";

    private final EssayCatalog catalog;

    public EssayController(EssayCatalog catalog) {
        this.catalog = catalog;
    }

    public void index(Context ctx) {
        ctx.render("essays/index", Map.of("essays", catalog.all()));
    }

    /** {@code /essays/{slug}} is the page; {@code /essays/{slug}.txt} its canonical text. */
    public void show(Context ctx) {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(TEXT_SUFFIX)) {
            EssayRevision essay = find(slug.substring(0, slug.length() - TEXT_SUFFIX.length()));
            ctx.contentType("text/plain; charset=utf-8").header("X-Essay-Revision", Integer.toString(essay.revisionNo()))
                    .result(essay.canonicalText().text());
            return;
        }
        ctx.render("essays/show", Map.of("essay", find(slug)));
    }

    private EssayRevision find(String slug) {
        return catalog.find(slug).orElseThrow(() -> new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d."));
    }
}
