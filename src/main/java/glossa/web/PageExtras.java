package glossa.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * What one feature adds to another feature's page, from a before-handler, without that page's
 * controller knowing: the template finds it under {@code extras} (see {@link PageModel}). The search
 * feature's suggestions and the feeds' head links travel this way.
 */
public final class PageExtras {

    /** The request attribute, and model name, holding the extras. */
    public static final String ATTRIBUTE = "extras";

    private PageExtras() {}

    /** Adds {@code value} under {@code key} to this request's page extras. */
    public static void put(Context ctx, String key, Object value) {
        Map<String, Object> extras = ctx.attribute(ATTRIBUTE);
        if (extras == null) {
            extras = new HashMap<>();
            ctx.attribute(ATTRIBUTE, extras);
        }
        extras.put(key, value);
    }
}
