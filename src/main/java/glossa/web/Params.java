package glossa.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/**
 * The one reader of numeric request parameters that the page handlers share. A parameter that is
 * missing or blank counts as absent; one that is there but not a whole number is a 400 that names
 * it, shown as the error page (or a problem document under /api/). Path ids go through Javalin's
 * validator ({@code pathParamAsClass}), whose error {@link ErrorPages#invalidParameter} maps the same way.
 */
public final class Params {

    /** Longer than any int: refused before parsing. */
    private static final int MAX_DIGITS = 10;

    private Params() {}

    /** A whole number from the form, or null when absent or blank. */
    public static Integer formInt(Context ctx, String name) {
        return wholeNumber(ctx.formParam(name), name);
    }

    /** A whole number from the query string, else the form, else {@code fallback}. */
    public static int intOr(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name) != null ? ctx.queryParam(name) : ctx.formParam(name);
        Integer n = wholeNumber(raw, name);
        return n == null ? fallback : n;
    }

    /** {@code raw} as a whole number, or null when it is null or blank; anything else is a 400 naming {@code name}. */
    public static Integer wholeNumber(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() <= MAX_DIGITS && s.matches("-?\\d+")) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                // Ten digits past Integer.MAX_VALUE: refused below like any other non-number.
            }
        }
        throw new BadRequestResponse("The field " + name + " must be a whole number.");
    }

    /** A numeric id in the path, through Javalin's validator. */
    public static long pathId(Context ctx, String name) {
        return ctx.pathParamAsClass(name, Long.class).get();
    }
}
