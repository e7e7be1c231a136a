package glossa.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Static files under names that carry a hash of their content ({@code /assets/css/glossa.3f9a1c2b7d.css}),
 * so browsers may keep them a year without asking again: a changed file gets a new name, and the pages
 * built after the deploy name the new one. Templates ask {@link #url} for a file's name; each file is
 * read, hashed and compressed once. Under their plain names ({@code /static/css/glossa.css}) they are
 * served too, from the same bytes, cached an hour. Developing ({@code --dev}), files are named as they
 * are, unhashed, and served from disk on every request by the server's static file handler (see
 * {@link ServerSettings}), so an edit shows at once.
 */
public final class Assets {

    /** A year: the longest that caches keep anything (RFC 9111 recommends no more). */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** For a file under its plain name, which a deploy may change. */
    private static final String AN_HOUR = "public, max-age=3600";

    private static final int HASH_CHARS = 10;
    private static final Map<String, String> TYPES = Map.of(
            "css",
            "text/css; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon",
            "woff2",
            "font/woff2");

    private record Asset(String hashedPath, byte[] bytes, byte[] gzip, byte[] brotli, String type) {}

    private final boolean dev;
    /** Only files that exist: a request for a missing one must not grow the map. */
    private final Map<String, Asset> byPath = new ConcurrentHashMap<>();

    private final Map<String, Asset> byHashedPath = new ConcurrentHashMap<>();

    public Assets(boolean dev) {
        this.dev = dev;
    }

    /** The address of static file {@code path} (relative to {@code static/}, e.g. "css/glossa.css"). */
    public String url(String path) {
        if (dev) {
            return "/static/" + path;
        }
        return asset(path).map(a -> "/assets/" + a.hashedPath()).orElse("/static/" + path);
    }

    private Optional<Asset> asset(String path) {
        if (!TYPES.containsKey(extension(path))) {
            return Optional.empty(); // a folder, or a kind of file this site does not serve
        }
        return Optional.ofNullable(byPath.computeIfAbsent(
                path,
                p -> read(p).map(bytes -> {
                            Asset a = new Asset(
                                    hashed(p, bytes),
                                    bytes,
                                    Compression.gzip(bytes),
                                    Compression.brotli(bytes),
                                    type(p));
                            byHashedPath.put(a.hashedPath(), a);
                            return a;
                        })
                        .orElse(null)));
    }

    /**
     * Mounts {@code /assets/<path>}, and, unless developing, {@code /static/<path>}: served from memory
     * here rather than by the server's static file handler, which kept the whole jar's index (24,000
     * entries) mounted to look up a few files: live heap after a full GC was 52 MB with it, 24 MB
     * without (docs/BENCHMARKS.md, "Every target met").
     */
    public void addTo(RoutesConfig routes) {
        routes.get("/assets/<path>", this::serve);
        if (!dev) {
            routes.get("/static/<path>", this::servePlain);
        }
    }

    /** {@code GET /static/<path>}: a file under its plain name. */
    void servePlain(Context ctx) {
        Asset a = asset(ctx.pathParam("path")).orElseThrow(() -> new NotFoundResponse("There is no such file."));
        send(ctx, a, AN_HOUR);
    }

    /** {@code GET /assets/<path>}: a hashed file, precompressed, cached for a year. */
    void serve(Context ctx) {
        String path = ctx.pathParam("path");
        Asset a = byHashedPath.get(path);
        if (a == null) {
            // Not asked for by a page of this process yet (another process named it): find it by its plain name.
            int dot = path.lastIndexOf('.');
            int hashDot = dot < 0 ? -1 : path.lastIndexOf('.', dot - 1);
            if (hashDot > 0) {
                asset(path.substring(0, hashDot) + path.substring(dot));
                a = byHashedPath.get(path);
            }
        }
        if (a == null) {
            throw new NotFoundResponse("There is no such file.");
        }
        send(ctx, a, IMMUTABLE);
    }

    private static void send(Context ctx, Asset a, String cacheControl) {
        ctx.header("Cache-Control", cacheControl)
                .header("Vary", "Accept-Encoding")
                .contentType(a.type());
        String encoding = Compression.choose(ctx, a.brotli() != null);
        byte[] body = "br".equals(encoding) ? a.brotli() : "gzip".equals(encoding) ? a.gzip() : a.bytes();
        if (encoding != null) {
            ctx.header("Content-Encoding", encoding);
        }
        ctx.result(body);
    }

    private static Optional<byte[]> read(String path) {
        if (path.contains("..") || path.startsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = Assets.class.getResourceAsStream("/static/" + path)) {
            if (in != null) {
                return Optional.of(in.readAllBytes());
            }
            Path file = Path.of("static").resolve(path);
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read static file " + path, e);
        }
    }

    private static String hashed(String path, byte[] bytes) {
        String hash;
        try {
            hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path + "." + hash : path.substring(0, dot) + "." + hash + path.substring(dot);
    }

    private static String type(String path) {
        return TYPES.get(extension(path));
    }

    /** The file name's extension, "" for none (a folder such as "css" has none). */
    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(dot + 1) : "";
    }
}
