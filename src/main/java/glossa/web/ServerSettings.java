package glossa.web;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the server itself is set up, apart from any feature: rendering, limits, static files, logging, error mapping. */
public final class ServerSettings {

    private static final Logger requestLog = LoggerFactory.getLogger("glossa.requests");
    /** How long requests in flight may take to finish once the server is told to stop. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Request threads, per core (Jetty also takes a selector thread for every two cores from this pool).
     * Requests are short (pages come from memory, writes from a small pool of connections), so a few
     * per core keep the cores busy; Jetty's default of 250 only adds stacks and switching under load.
     * Idle connections hold no thread. Fewer busy threads also leave the JIT's compiler threads a
     * larger share of the cores, so a started server reaches full speed sooner, and each thread keeps
     * its own NIO copy buffer as large as the largest page it sent: 32 threads held 12 MB more
     * than 12 (docs/BENCHMARKS.md, "Serving pages").
     */
    private static final int THREADS_PER_CORE = 8;

    private static final int MIN_THREADS = 8;

    private ServerSettings() {}

    /** {@code dev} serves static files from the working folder, uncached, and re-reads templates. */
    public static void apply(JavalinConfig cfg, boolean dev, Templates templates, TrustedProxies proxies) {
        cfg.startup.showJavalinBanner = false;
        cfg.fileRenderer(templates);
        cfg.http.defaultContentType = "text/html; charset=utf-8";
        cfg.http.maxRequestSize = BodyLimit.MAX_TEXT_BYTES;
        // On stop (SIGTERM): stop accepting, let requests in flight finish (up to the timeout),
        // then close; App.close shuts the database only after that, so no answered write is lost.
        QueuedThreadPool threads =
                new QueuedThreadPool(THREADS_PER_CORE * Runtime.getRuntime().availableProcessors(), MIN_THREADS);
        threads.setName("http");
        cfg.jetty.threadPool = threads;
        cfg.jetty.modifyServer(server -> {
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
        });
        if (dev) {
            // Developing: from the working folder, uncached, so an edit shows at once. Otherwise Assets
            // serves them from memory.
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "static";
                files.location = Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        }
        cfg.requestLogger.http((ctx, ms) ->
                requestLog.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
        // ctx.ip() is the client's address, X-Forwarded-For believed only from a trusted proxy.
        cfg.contextResolver.ip = proxies::clientAddress;
    }

    /** The one place where exceptions become responses (see {@link ErrorPages}). */
    public static void mapErrors(RoutesConfig routes) {
        routes.exception(SeeOther.class, ErrorPages::seeOther);
        routes.exception(glossa.errors.Rejection.class, ErrorPages::rejected);
        routes.exception(ValidationException.class, ErrorPages::invalidParameter);
        routes.exception(HttpResponseException.class, ErrorPages::httpError);
        routes.exception(Exception.class, ErrorPages::unexpected);
        routes.error(404, "*", ErrorPages::notFound);
    }
}
