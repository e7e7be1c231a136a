package glossa.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import glossa.accounts.Sessions;
import glossa.accounts.User;
import glossa.web.CacheableRender;
import glossa.web.Compression;
import glossa.web.Csrf;
import glossa.web.Templates;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.slf4j.LoggerFactory;

/**
 * Serves a page from the cache, building it on a miss, and answers revisits 304.
 *
 * <p>A page is cached under (build, path, variant, class of reader, validator): the validator comes from
 * the database's page version counters (read by the caller with one small query), so any write, from
 * any process, makes a new key; stale entries simply age out of the bounded cache. A page is built for
 * a class of reader (signed out, or signed in with a role) with markers where one reader's things go;
 * per request the account menu and CSRF token are spliced in. Its ETag is strong (same bytes for the
 * same tag): the key's hash, plus, for a signed-in reader, a hash of their session, since the spliced
 * menu and token are theirs.
 */
public final class CachedPages {

    /** What a page depends on, as cheap to compute as one indexed query. */
    public record Validator(String tag, Instant lastModified) {}

    /** Builds the page: renders it into {@code ctx}, drawn for {@code viewer} (null, or a nameless user of a role). */
    @FunctionalInterface
    public interface Renderer {
        void render(Context ctx, User viewer) throws Exception;
    }

    /** A reader's own data for the page, as JSON for a script (e.g. which notes are theirs); null for none. */
    @FunctionalInterface
    public interface ReaderData {
        String json(User reader);
    }

    /** Bound of the cache, in bytes of HTML and its compressed forms. */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Cache<String, CachedPage> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String k, CachedPage p) -> p.weight())
            .build();
    private final Templates templates;
    private final Csrf csrf;
    private final String buildId;
    private final boolean enabled;
    private final String accountMarker;
    private final String csrfMarker;

    /** {@code enabled} false (developing): every page is built afresh, so template edits show. */
    public CachedPages(Templates templates, Csrf csrf, String buildId, boolean enabled) {
        this.templates = templates;
        this.csrf = csrf;
        this.buildId = buildId;
        this.enabled = enabled;
        // Unguessable, so nothing a reader writes can pose as a marker.
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        String n = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        this.accountMarker = "<!--glossa-account-" + n + "-->";
        this.csrfMarker = "glossa-csrf-" + n;
    }

    public void serve(Context ctx, Validator validator, String variant, Renderer renderer) throws Exception {
        serve(ctx, validator, variant, renderer, null);
    }

    public void serve(Context ctx, Validator validator, String variant, Renderer renderer, ReaderData data)
            throws Exception {
        User reader = Sessions.currentUser(ctx).orElse(null);
        if (!enabled) {
            renderer.render(ctx, reader);
            return;
        }
        String readerClass = reader == null ? "signed-out" : reader.role().name();
        String key =
                buildId + "-" + hash(ctx.path() + "\n" + variant + "\n" + readerClass + "\n" + validator.tag(), 20);
        String etag = "\"" + key + personal(ctx, reader) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", reader == null ? "public, no-cache" : "private, no-cache");
        ctx.header("Vary", "Accept-Encoding, Cookie");
        if (validator.lastModified() != null) {
            ctx.header(
                    "Last-Modified", HTTP_DATE.format(validator.lastModified().atZone(ZoneOffset.UTC)));
        }
        if (notModified(ctx, etag, validator.lastModified())) {
            ctx.status(304);
            return;
        }
        User viewer = reader == null ? null : new User(-1, "", reader.role(), Instant.EPOCH);
        boolean[] builtHere = {false};
        CachedPage page;
        try {
            page = cache.get(key, k -> {
                builtHere[0] = true;
                return build(ctx, renderer, viewer);
            });
        } catch (BuildFailed e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        if (page == null) {
            if (!builtHere[0]) {
                // Another request's build of this page ended in an error page; this one renders its own.
                renderer.render(ctx, reader);
            }
            ctx.removeHeader("ETag");
            ctx.removeHeader("Last-Modified");
            return;
        }
        write(ctx, page, reader, data);
    }

    private static final class BuildFailed extends RuntimeException {
        BuildFailed(Exception cause) {
            super(cause);
        }
    }

    private CachedPage build(Context ctx, Renderer renderer, User viewer) {
        new CacheableRender(viewer, accountMarker, csrfMarker).applyTo(ctx);
        try {
            renderer.render(ctx, viewer);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new BuildFailed(e);
        } finally {
            CacheableRender.clear(ctx);
        }
        String html = ctx.statusCode() == 200 ? ctx.result() : null;
        return html == null ? null : CachedPage.of(html, accountMarker, csrfMarker);
    }

    private void write(Context ctx, CachedPage page, User reader, ReaderData data) {
        ctx.contentType("text/html; charset=utf-8");
        byte[] body;
        String encoding;
        if (page.slots().isEmpty()) {
            encoding = Compression.choose(ctx, page.brotli() != null);
            body = "br".equals(encoding)
                    ? page.brotli()
                    : "gzip".equals(encoding) ? page.gzip() : page.parts().get(0);
        } else {
            List<byte[]> fills = new ArrayList<>();
            byte[] account = null;
            for (CachedPage.Slot slot : page.slots()) {
                if (slot == CachedPage.Slot.ACCOUNT) {
                    if (account == null) {
                        account = accountMenu(ctx, reader, data);
                    }
                    fills.add(account);
                } else {
                    fills.add(csrf.token(ctx).getBytes(StandardCharsets.UTF_8));
                }
            }
            encoding = Compression.choose(ctx, false);
            body = "gzip".equals(encoding) ? page.gzip(fills) : page.plain(fills);
        }
        if (encoding != null) {
            ctx.header("Content-Encoding", encoding);
        }
        // Written whole, with its length, straight to the connection: handed to ctx.result() it would be
        // copied through an 8 kB buffer and sent chunked, and with a page of a megabyte that shows.
        // Jetty's own sendContent takes the bytes in one go; its stream's write(byte[]) goes piece by
        // piece and cost 40 % more CPU per megabyte page (docs/BENCHMARKS.md, "Serving pages").
        ctx.header("Content-Length", Integer.toString(body.length));
        try {
            if ("HEAD".equals(ctx.req().getMethod())) {
                // The same headers as a GET, the body's length included: committed now, with no body
                // written, or the server would count the nothing that follows and send a length of 0.
                ctx.res().flushBuffer();
                return;
            }
            ServletOutputStream out = ctx.res().getOutputStream();
            if (out instanceof HttpOutput jetty) {
                jetty.sendContent(ByteBuffer.wrap(body));
            } else {
                out.write(body);
            }
        } catch (java.io.IOException e) {
            // The reader went away mid-page: nothing to answer, and no error page to show them.
            LoggerFactory.getLogger(CachedPages.class)
                    .debug("client gone while sending {}: {}", ctx.path(), e.toString());
        }
    }

    private byte[] accountMenu(Context ctx, User reader, ReaderData data) {
        Map<String, Object> model = new HashMap<>();
        model.put("readerData", data == null || reader == null ? null : data.json(reader));
        return templates.renderFragment("fragments/account", "nav", model, ctx).getBytes(StandardCharsets.UTF_8);
    }

    /** For a signed-in reader, their session's share of the tag: the spliced menu and token are theirs. */
    private static String personal(Context ctx, User reader) {
        String session = Sessions.sessionToken(ctx);
        if (reader == null) {
            String pre = ctx.cookie("glossa_pre");
            return pre == null ? "" : "-" + hash("pre\n" + pre, 10);
        }
        return "-"
                + hash(
                        (session == null ? "" : session) + "\n" + reader.id() + "\n" + reader.username() + "\n"
                                + reader.role(),
                        10);
    }

    /**
     * RFC 9110 section 13.1: If-None-Match (weak comparison) wins; If-Modified-Since only without it, and
     * only for a page last changed before the current second (a date is too coarse to tell apart two
     * changes within one second: RFC 9110 section 8.8.2.2).
     */
    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String match = ctx.header("If-None-Match");
        if (match != null) {
            for (String tag : match.split(",")) {
                String t = tag.strip();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals(etag) || t.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String since = ctx.header("If-Modified-Since");
        if (since == null
                || lastModified == null
                || lastModified.getEpochSecond() >= Instant.now().getEpochSecond()) {
            return false;
        }
        try {
            return lastModified.getEpochSecond()
                    <= ZonedDateTime.parse(since.strip(), HTTP_DATE).toEpochSecond();
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }

    static String hash(String s, int chars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, chars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }
}
