package glossa.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.accounts.Sessions;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationRepository;
import glossa.web.PageExtras;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search feature's URLs: {@code /search} (the page), {@code /api/search} (the same as JSON), and
 * the page extras that hand other features' pages their suggestions: passages to link on the link
 * form, unlinked mentions on a claim page. Those pages include the fragments in
 * {@code templates/search/} and need no change of their own controllers.
 */
public final class SearchRoutes {

    private static final Logger log = LoggerFactory.getLogger(SearchRoutes.class);

    private final SearchService search;
    private final AnnotationRepository notes;
    private final ObjectMapper json;

    public SearchRoutes(SearchService search, AnnotationRepository notes, ObjectMapper json) {
        this.search = search;
        this.notes = notes;
        this.json = json;
    }

    public void addTo(RoutesConfig routes, PageExtras extras) {
        routes.get("/search", this::searchPage);
        routes.get("/api/search", this::api);
        extras.on("/annotations/{id}/link", this::linkSuggestions);
        extras.on("/annotations/{id}/links", this::linkSuggestions); // the form again, after a refused link
        extras.on("/claims/{slug}", this::unlinkedMentions);
    }

    void searchPage(Context ctx) {
        String q = query(ctx);
        SearchResults results = search.search(q, pageNumber(ctx));
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("q", q);
        model.put("hrefs", new Hrefs());
        ctx.render("search/index", model);
    }

    void api(Context ctx) throws Exception {
        SearchResults results = search.search(query(ctx), pageNumber(ctx));
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(results));
    }

    private void linkSuggestions(Context ctx, Map<String, Object> extras) {
        Long id = number(ctx.pathParam("id"));
        if (id == null || Sessions.currentUser(ctx).isEmpty()) {
            return;
        }
        optional(
                ctx,
                () -> notes.find(id)
                        .filter(Annotation::visible)
                        .filter(a -> a.quote() != null)
                        .ifPresent(a -> extras.put(
                                "suggestions",
                                search.suggestPassages(a.essaySlug(), a.quote().exact()))));
    }

    private void unlinkedMentions(Context ctx, Map<String, Object> extras) {
        // Asked only when the claim page is built: one served from the page cache needs none.
        optional(ctx, () -> extras.put("unlinked", search.unlinkedMentions(ctx.pathParam("slug"))));
    }

    /**
     * Suggestions are an extra on another feature's page: if finding them fails, the page is still
     * served, without them, and the failure logged.
     */
    private static void optional(Context ctx, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("search suggestions for {} failed: {}", ctx.path(), e.toString());
        }
    }

    /** Builds result-page addresses for the template (Thymeleaf's own link syntax needs a servlet context). */
    public static final class Hrefs {
        public String search(String q, int page) {
            return "/search?q=" + URLEncoder.encode(q.strip(), StandardCharsets.UTF_8)
                    + (page > 1 ? "&page=" + page : "");
        }
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q;
    }

    private static int pageNumber(Context ctx) {
        Long n = number(ctx.queryParam("page"));
        return n == null ? 1 : (int) Math.max(1, Math.min(SearchService.MAX_PAGE, n));
    }

    private static Long number(String s) {
        if (s == null || s.length() > 12) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            // Not a number: treated as absent (first page, no suggestions), never an error page.
            return null;
        }
    }
}
