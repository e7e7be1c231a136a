package glossa.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request whose address or form fields carry a NUL character (U+0000), naming the field.
 * No reader types one, and PostgreSQL cannot store a text holding it (H2 can), so without this filter
 * such a value would fail deep in a write as a server error on one database and pass on the other.
 * Query parameters only look things up: they are left to the pages, which ignore what matches nothing
 * (the data access layer makes a NUL match nothing on both databases).
 */
public final class NulCharacters {

    private static final char NUL = '\u0000';

    private NulCharacters() {}

    public static void check(Context ctx) {
        String uri = ctx.req().getRequestURI();
        if (uri != null
                && (uri.indexOf(NUL) >= 0
                        || uri.toLowerCase(java.util.Locale.ROOT).contains("%00"))) {
            throw new BadRequestResponse(
                    "The address contains a NUL character (U+0000), which no page or field accepts.");
        }
        String type = ctx.contentType();
        if (type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
            refuseIn(ctx.formParamMap());
        }
    }

    private static void refuseIn(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().indexOf(NUL) >= 0) {
                throw new BadRequestResponse("A field name contains a NUL character (U+0000), which is not accepted.");
            }
            for (String value : e.getValue()) {
                if (value != null && value.indexOf(NUL) >= 0) {
                    throw new BadRequestResponse(
                            "The field \u201c" + e.getKey()
                                    + "\u201d contains a NUL character (U+0000), which is not accepted: remove it and send again.");
                }
            }
        }
    }
}
