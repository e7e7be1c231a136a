package glossa.tags;

import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.storage.Jdbc;
import glossa.web.LocalPaths;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /tags}, the tag index, and {@code /tags/{tag}}, the notes carrying a tag, a page at a time. */
public final class TagRoutes {

    static final int PAGE_SIZE = 30;
    private static final int MAX_PAGE = 100_000;
    /** Longer than any tag a note may have ({@code NoteInput.MAX_TAG_LENGTH}): nothing to look up. */
    private static final int MAX_TAG = 64;

    private final TagRepository tags;
    private final EssayCatalog catalog;

    public TagRoutes(Jdbc jdbc, EssayCatalog catalog) {
        this.tags = new TagRepository(jdbc);
        this.catalog = catalog;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/tags", this::index);
        routes.get("/tags/{tag}", this::show);
    }

    /** The tag page's address, the tag as one percent-encoded path segment. */
    public static String href(String tag) {
        return "/tags/" + LocalPaths.segment(tag);
    }

    void index(Context ctx) {
        ctx.render("tags/index", Map.of("tags", tags.all()));
    }

    void show(Context ctx) {
        String tag = ctx.pathParam("tag").strip();
        int page = page(ctx.queryParam("page"));
        boolean lookable = !tag.isEmpty() && tag.length() <= MAX_TAG;
        int total = lookable ? tags.count(tag) : 0;
        List<TaggedNote> notes = lookable ? tags.notes(tag, (page - 1) * PAGE_SIZE, PAGE_SIZE) : List.of();
        Map<String, Object> m = new HashMap<>();
        m.put("tag", tag);
        m.put("notes", notes);
        m.put("total", total);
        m.put("page", page);
        m.put("more", (long) page * PAGE_SIZE < total);
        m.put("self", href(tag));
        m.put(
                "titles",
                catalog.all().stream()
                        .collect(Collectors.toMap(
                                EssayRevision::slug, e -> e.meta().title(), (a, b) -> a)));
        if (total == 0) {
            ctx.status(404);
        }
        ctx.render("tags/show", m);
    }

    private static int page(String raw) {
        if (raw == null || !raw.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(raw)));
    }
}
