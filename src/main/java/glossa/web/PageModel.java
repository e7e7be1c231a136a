package glossa.web;

import io.javalin.http.Context;

import java.util.Map;

/** Values every page template may use; later features add the signed-in user and the CSRF token here. */
final class PageModel {

    private PageModel() {
    }

    static Map<String, Object> base(Context ctx) {
        return Map.of("path", ctx.path());
    }
}
