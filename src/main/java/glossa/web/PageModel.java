package glossa.web;

import glossa.accounts.User;
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
        private final User user;
        private final ToIntFunction<User> unseen;
        private Integer count;

        Notices(User user, ToIntFunction<User> unseen) {
            this.user = user;
            this.unseen = unseen;
        }

        public int count() {
            if (count == null) {
                count = user == null ? 0 : unseen.applyAsInt(user);
            }
            return count;
        }
    }

    private PageModel() {
    }

    static Map<String, Object> base(Context ctx, Csrf csrf, ToIntFunction<User> unseen) {
        Map<String, Object> model = new HashMap<>();
        User user = Sessions.currentUser(ctx).orElse(null);
        model.put("path", ctx.path());
        model.put("user", user);
        model.put("notices", new Notices(user, unseen));
        model.put("csrf", new CsrfField(ctx, csrf));
        // What one feature adds to another's page through a before-handler (search suggestions), under "extras".
        Object extras = ctx.attribute("extras");
        model.put("extras", extras == null ? Map.of() : extras);
        return model;
    }
}
