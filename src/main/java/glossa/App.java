package glossa;

import glossa.accounts.Sessions;
import glossa.accounts.WriteRateLimit;
import glossa.essays.ImportReport;
import glossa.search.SearchService;
import glossa.storage.ChangeFeed;
import glossa.storage.Database;
import glossa.reading.BuildId;
import glossa.reading.CachedPages;
import glossa.reading.WarmUp;
import glossa.web.Assets;
import glossa.web.BodyLimit;
import glossa.web.NulCharacters;
import glossa.web.Csrf;
import glossa.web.PublicUrl;
import glossa.web.SecurityHeaders;
import glossa.web.ServerSettings;
import glossa.web.Templates;
import glossa.web.TrustedProxies;
import io.javalin.Javalin;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the whole application from a {@link Config}: the parts and each feature's routes come from
 * {@link Services}; here the server gets its settings and the filters, which run in the order listed. {@link #create} returns an
 * unstarted server; tests build a fresh one each, on port 0 with their own database.
 */
public final class App implements AutoCloseable {

    private final Config config;
    private final Services services;
    private final Javalin javalin;
    /** Essay pages built in the background after a start (the first in title order). */
    private static final int WARM_ESSAYS = 20;

    private App(Config config, Services services, Javalin javalin) {
        this.config = config;
        this.services = services;
        this.javalin = javalin;
    }

    public static App create(Config config) {
        return create(config, Clock.systemUTC());
    }

    public static App create(Config config, Clock clock) {
        // Checked before the database opens: a mistyped option stops the start with its own message.
        TrustedProxies proxies = new TrustedProxies(config.trustedProxies());
        PublicUrl publicUrl = new PublicUrl(config.baseUrl(), proxies);
        Services s = Services.forServer(config, clock);
        try {
            Csrf csrf = new Csrf(s.jdbc);
            Assets assets = new Assets(config.dev());
            Templates templates = new Templates(config.dev(), Path.of(""), csrf,
                    ctx -> Sessions.currentUser(ctx).map(s.notifications::unseen).orElse(0), assets);
            String buildId = BuildId.of(System.getenv("GLOSSA_BUILD_ID"));
            CachedPages pages = new CachedPages(templates, csrf, buildId, !config.dev());
            Sessions sessions = new Sessions(s.sessions, s.apiTokens);
            WriteRateLimit writeLimit = new WriteRateLimit(s.jdbc, clock, config.writesPerMinute());
            Javalin javalin = Javalin.create(cfg -> {
                ServerSettings.apply(cfg, config.dev(), templates, proxies);
                // One filter running each step in order: Javalin matches every filter's path on every request.
                cfg.routes.before(ctx -> {
                    publicUrl.apply(ctx);
                    SecurityHeaders.apply(ctx);
                    BodyLimit.check(ctx);
                    NulCharacters.check(ctx);
                    sessions.authenticate(ctx);
                    csrf.check(ctx);
                    writeLimit.check(ctx);
                });
                s.mountRoutes(cfg.routes, pages, assets, buildId);
                ServerSettings.mapErrors(cfg.routes);
            });
            return new App(config, s, javalin);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public App start() {
        javalin.start(config.host(), config.port());
        return this;
    }

    /**
     * Builds the reading pages in the background, as a reader's first request would, so that the first
     * reader after a start finds them built (or waits only for the build already under way). The server
     * command calls this; tests do not, so their servers stay quiet.
     */
    public void warmUp() {
        String self = "http://" + (config.host().contains(":") ? "[::1]" : "127.0.0.1") + ":" + port();
        // The home page and the first essays: with thousands, building every page would read the whole corpus.
        new WarmUp(self).inBackground(Stream.concat(Stream.of("/"),
                services.catalog.all().stream().limit(WARM_ESSAYS).map(e -> "/essays/" + e.slug())).toList());
    }

    /** The port actually bound, useful when the config asked for 0. */
    public int port() {
        return javalin.port();
    }

    public Optional<ImportReport> startupImport() {
        return Optional.ofNullable(services.startupImport());
    }

    /** Every route as "METHOD /path/{param}", for tests that try each one. */
    List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** For tests and benchmarks that look at the index directly. */
    public SearchService search() {
        return services.search();
    }

    /** The change log as this server follows it: listeners hear of every write on any server sharing the database. */
    public ChangeFeed changes() {
        return services.changes();
    }

    /** For tests that need to simulate a database failure. */
    Database database() {
        return services.database();
    }

    @Override
    public void close() {
        javalin.stop();
        services.close();
        LoggerFactory.getLogger(App.class).info("Glossa stopped: requests in flight answered, database closed");
    }
}
