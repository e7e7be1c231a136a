package glossa.web;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;

/**
 * Refuses request bodies over {@link #MAX_BYTES} from their Content-Length header, before any of the
 * body is read. Bodies without a length are cut off by Javalin's own limit at the same size.
 */
public final class BodyLimit {

    /** Large enough for a long note with its quote and selectors, small enough to be harmless. */
    public static final long MAX_BYTES = 256 * 1024;

    private BodyLimit() {
    }

    public static void check(Context ctx) {
        long length = ctx.contentLength();
        if (length > MAX_BYTES) {
            throw new ContentTooLargeResponse("The request body is larger than " + MAX_BYTES / 1024 + " KiB.");
        }
    }
}
