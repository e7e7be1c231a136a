package glossa.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one feature adds to another feature's page without that page's controller knowing: the feeds'
 * head links, the search feature's suggestions. A feature registers an {@link Extra} for a route (the
 * path as the route was declared, e.g. {@code /essays/{slug}}); the template finds what it added under
 * {@code extras} (see {@link PageModel}).
 *
 * <p>An extra is asked for only when a page of its route is drawn, and only once the template reads
 * {@code extras}. Before-handlers did this before: Javalin matched their paths on every request, a
 * page served from the page cache included, to decorate a page that was not being drawn.
 */
public final class PageExtras {

    private static final Logger log = LoggerFactory.getLogger(PageExtras.class);

    /** Adds this feature's values for the page of {@code ctx} to {@code extras}. */
    @FunctionalInterface
    public interface Extra {
        void addTo(Context ctx, Map<String, Object> extras);
    }

    /** Filled while routes are mounted, before the server starts; only read after. */
    private final Map<String, List<Extra>> byRoute = new HashMap<>();

    /** {@code extra} runs when a page of the route declared as {@code routePath} is drawn. */
    public void on(String routePath, Extra extra) {
        byRoute.computeIfAbsent(routePath, p -> new ArrayList<>()).add(extra);
    }

    /** The extras for the page being drawn for {@code ctx}, computed when first read. */
    Map<String, Object> forPage(Context ctx) {
        return new Lazy(ctx);
    }

    private List<Extra> extrasOf(Context ctx) {
        Endpoint endpoint;
        try {
            endpoint = ctx.endpoint();
        } catch (RuntimeException e) {
            return List.of(); // an error page drawn before any route matched
        }
        return endpoint == null ? List.of() : byRoute.getOrDefault(endpoint.path, List.of());
    }

    /** A map that asks the route's extras for their values on first use, at most once per page. */
    private final class Lazy extends AbstractMap<String, Object> {
        private final Context ctx;
        private Map<String, Object> values;

        Lazy(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            if (values == null) {
                values = new HashMap<>();
                // An error page drawn for this route goes without: its failure may be the extras' too.
                List<Extra> extras = ctx.statusCode() >= 500 ? List.of() : extrasOf(ctx);
                for (Extra extra : extras) {
                    try {
                        extra.addTo(ctx, values);
                    } catch (RuntimeException e) {
                        // Another feature's addition: the page is drawn without it rather than not at all.
                        log.warn("page extra for {} failed: {}", ctx.path(), e.toString());
                    }
                }
            }
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            entrySet();
            return values.get(key);
        }
    }
}
