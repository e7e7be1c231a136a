package glossa.web;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;

/**
 * Refuses request bodies over {@link #MAX_BYTES} from their Content-Length header, before any of the
 * body is read; the forms that carry a whole essay may send up to {@link #MAX_TEXT_BYTES}. Bodies without a
 * length are cut off by Javalin's own limit at that larger size.
 */
public final class BodyLimit {

    /** Large enough for a long note with its quote and selectors, small enough to be harmless. */
    public static final long MAX_BYTES = 256 * 1024;

    /**
     * For the forms that carry a whole essay (adding a text, with an upload of up to 2 MB, and editing
     * one): room for the largest text with its form fields, so that the page can name the field at fault.
     */
    public static final long MAX_TEXT_BYTES = 8L * 1024 * 1024;

    private BodyLimit() {}

    public static void check(Context ctx) {
        long length = ctx.contentLength();
        if (length > MAX_TEXT_BYTES || (length > MAX_BYTES && !carriesText(ctx.path()))) {
            throw new ContentTooLargeResponse("The request body is larger than "
                    + (carriesText(ctx.path()) ? MAX_TEXT_BYTES / 1024 / 1024 + " MB." : MAX_BYTES / 1024 + " KiB."));
        }
    }

    private static boolean carriesText(String path) {
        return path.equals("/essays/new") || (path.startsWith("/essays/") && path.endsWith("/edit"));
    }
}
