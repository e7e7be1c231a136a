package glossa.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Values every page template may use: the path, the signed-in user (or null) and {@code csrf}, whose
 * {@code token()} a form puts in its hidden {@value Csrf#FIELD} field. The token is computed only when a
 * template asks for it, so pages without forms set no cookie.
 */
final class PageModel {

    /** Handed to templates; computing the token may set the pre-session cookie. */
    public static final class CsrfField {
        private final Context ctx;
        private final Csrf csrf;
        private String token;

        CsrfField(Context ctx, Csrf csrf) {
            this.ctx = ctx;
            this.csrf = csrf;
        }

        public String token() {
            CacheableRender cacheable = CacheableRender.of(ctx);
            if (cacheable != null) {
                return cacheable.csrfMarker();
            }
            if (token == null) {
                token = csrf.token(ctx);
            }
            return token;
        }

        public String field() {
            return Csrf.FIELD;
        }
    }

    /**
     * The signed-in reader's count of new notifications, for the header. It is the one per-reader piece
     * of the header: computed here, once, and only when a template shows it, so that a page body
     * cached for everyone never carries it.
     */
    public static final class Notices {
        private final Object shownFor;
        private final Context ctx;
        private final ToIntFunction<Context> unseen;
        private Integer count;

        Notices(Object shownFor, Context ctx, ToIntFunction<Context> unseen) {
            this.shownFor = shownFor;
            this.ctx = ctx;
            this.unseen = unseen;
        }

        public int count() {
            if (count == null) {
                count = shownFor == null ? 0 : unseen.applyAsInt(ctx);
            }
            return count;
        }
    }

    private PageModel() {}

    static Map<String, Object> base(Context ctx, Csrf csrf, ToIntFunction<Context> unseen, PageExtras extras) {
        Map<String, Object> model = new HashMap<>();
        model.put("path", ctx.path());
        CacheableRender cacheable = CacheableRender.of(ctx);
        // Drawn for the page cache: for the reader's class only; their own menu is a marker spliced per request.
        Object shownFor = cacheable != null ? cacheable.viewer() : Requester.user(ctx);
        model.put("user", shownFor);
        model.put("readerSlot", cacheable != null && cacheable.viewer() != null ? cacheable.navMarker() : null);
        model.put("notices", new Notices(shownFor, ctx, unseen));
        model.put("csrf", new CsrfField(ctx, csrf));
        model.put("dates", Dates.TEMPLATES);
        // What other features add to this route's page (feed links, search suggestions), under "extras".
        model.put("extras", extras.forPage(ctx));
        return model;
    }
}
