package glossa;

import glossa.essays.ImportReport;
import glossa.reading.WarmUp;
import glossa.search.SearchService;
import glossa.storage.ChangeFeed;
import glossa.storage.Database;
import glossa.web.PublicUrl;
import glossa.web.TrustedProxies;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Builds the whole application from a {@link Config}: the parts come from {@link Services}, the server's
 * settings, filters and each feature's routes from {@link Site}. {@link #create} returns an unstarted
 * server; tests build a fresh one each, on port 0 with their own database.
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
            Javalin javalin = Javalin.create(new Site(s, config, proxies, publicUrl)::configure);
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
        new WarmUp(self)
                .inBackground(Stream.concat(
                                Stream.of("/"),
                                services.catalog.all().stream()
                                        .limit(WARM_ESSAYS)
                                        .map(e -> "/essays/" + e.slug()))
                        .toList());
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
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
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
