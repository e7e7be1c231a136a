package glossa.web;

import io.javalin.http.Context;

/**
 * Set on a request while a page is rendered for the page cache: the page is drawn for a class of
 * reader ({@code viewer}: null when signed out, else a nameless user of the reader's role), and what
 * belongs to one reader (the account menu, the CSRF token) is drawn as markers, spliced per request.
 *
 * @param viewer the class of reader the page is drawn for: null (signed out) or an accounts user with id -1 and
 *               no name (Object here, so that web knows no account type)
 * @param navMarker stands where the signed-in reader's account menu goes
 * @param csrfMarker stands wherever a form or script needs the reader's CSRF token
 */
public record CacheableRender(Object viewer, String navMarker, String csrfMarker) {

    static final String ATTRIBUTE = "glossa.cacheableRender";

    public void applyTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static void clear(Context ctx) {
        ctx.attribute(ATTRIBUTE, null);
    }

    static CacheableRender of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
