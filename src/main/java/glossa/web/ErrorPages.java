package glossa.web;

import glossa.errors.Reason;
import glossa.errors.Rejection;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: an HTML page for browsers, plain text for the
 * text endpoints. A 500 page says what happened in general terms and never shows a stack trace;
 * the trace goes to the log with an id the page quotes.
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private ErrorPages() {}

    public static void httpError(HttpResponseException e, Context ctx) {
        if (Api.isApi(ctx)) {
            Api.problem(ctx, e.getStatus(), title(e.getStatus()), e.getMessage(), null);
            return;
        }
        page(ctx, e.getStatus(), e.getMessage(), null);
    }

    /**
     * A parameter that Javalin's validator could not read (a path id that is not a number, say): 400,
     * naming the parameter, as an error page or a problem document like every other refusal.
     */
    public static void invalidParameter(io.javalin.validation.ValidationException e, Context ctx) {
        String fields = String.join(", ", e.getErrors().keySet());
        String message = "The " + fields + " in this address or form is not valid"
                + (fields.equals("id") ? ": it must be a number." : ".");
        if (Api.isApi(ctx)) {
            Api.problem(ctx, 400, title(400), message, Map.of("errors", Map.of(fields, message)));
            return;
        }
        page(ctx, 400, message, null);
    }

    /** A feature's rule refused the request: problem+json with the field at fault for the API, else the error page. */
    public static void rejected(Rejection e, Context ctx) {
        int status = status(e.reason());
        if (Api.isApi(ctx)) {
            Api.problem(
                    ctx,
                    status,
                    title(status),
                    e.getMessage(),
                    e.field() == null ? null : Map.of("errors", Map.of(e.field(), e.getMessage())));
            return;
        }
        page(ctx, status, e.getMessage(), null);
    }

    /** The one mapping from the domain's reasons to HTTP statuses. */
    public static int status(Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case STALE -> 412;
            case VERSION_REQUIRED -> 428;
            case INVALID -> 422;
            case MALFORMED -> 400;
            case TOO_LARGE -> 413;
        };
    }

    public static void seeOther(SeeOther e, Context ctx) {
        ctx.redirect(e.location(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not signed in";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 428 -> "Precondition required";
            case 422 -> "Invalid input";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Server error" : "Error " + status;
        };
    }

    public static void unexpected(Exception e, Context ctx) {
        String incident = Long.toHexString(
                        System.nanoTime() ^ Thread.currentThread().getId())
                .toUpperCase(java.util.Locale.ROOT);
        log.error("unhandled error {} on {} {}", incident, ctx.method(), ctx.path(), e);
        if (Api.isApi(ctx)) {
            Api.problem(
                    ctx, 500, "Server error", "Something went wrong on our side (incident " + incident + ").", null);
            return;
        }
        page(ctx, 500, "Something went wrong on our side.", incident);
    }

    /** Javalin's own 404 for paths no route matches. */
    public static void notFound(Context ctx) {
        if (ctx.attribute(RENDERED) != null) {
            return;
        }
        if (Api.isApi(ctx)) {
            Api.problem(ctx, 404, "Not found", "There is nothing at this address.", null);
            ctx.attribute(RENDERED, Boolean.TRUE);
            return;
        }
        page(ctx, 404, "There is no page at this address.", null);
    }

    /** Records that this response already carries its error, so status handlers leave it alone. */
    static void markRendered(Context ctx) {
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /** Set once an error page is rendered, so Javalin's status handlers do not render a second one. */
    private static final String RENDERED = "glossa.errorPageRendered";

    private static void page(Context ctx, int status, String message, String incident) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status);
        String template = status == 404 ? "error/404" : "error/error";
        String text = message == null || message.isBlank() ? "Error " + status : message;
        ctx.render(
                template,
                incident == null
                        ? Map.of("status", status, "message", text)
                        : Map.of("status", status, "message", text, "incident", incident));
    }
}
