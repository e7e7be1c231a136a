package glossa;

import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.accounts.AccountApi;
import glossa.accounts.AccountController;
import glossa.accounts.AccountService;
import glossa.accounts.AdminController;
import glossa.accounts.ApiTokens;
import glossa.accounts.AuditLog;
import glossa.accounts.BackupDownload;
import glossa.accounts.UserRepository;
import glossa.annotations.AnnotationApi;
import glossa.annotations.AnnotationController;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.links.LinkRepository;
import glossa.links.LinkController;
import glossa.links.LinkApi;
import glossa.claims.ClaimApi;
import glossa.links.LinkService;
import glossa.claims.ClaimController;
import glossa.claims.ClaimRepository;
import glossa.claims.ClaimService;
import glossa.claims.Connections;
import glossa.editing.EditController;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayController;
import glossa.essays.EssayRepository;
import glossa.essays.ImportReport;
import glossa.search.SearchRoutes;
import glossa.search.SearchService;
import glossa.storage.ChangeFeed;
import glossa.storage.Database;
import glossa.storage.Jdbc;
import glossa.reading.BuildId;
import glossa.reading.CachedPages;
import glossa.reading.ReadingRoutes;
import glossa.storage.PageVersions;
import glossa.annotations.OwnControls;
import glossa.web.Assets;
import glossa.web.BodyLimit;
import glossa.web.Csrf;
import glossa.web.ErrorPages;
import glossa.web.Rejection;
import glossa.web.SeeOther;
import glossa.web.Sessions;
import glossa.web.HealthController;
import glossa.web.PublicUrl;
import glossa.web.TrustedProxies;
import glossa.web.SecurityHeaders;
import glossa.web.Templates;
import glossa.web.WriteRateLimit;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the whole application from a {@link Config}: the one place where parts are wired together
 * and the whole route tree is declared. {@link #create} returns an unstarted server; tests build a
 * fresh one each, on port 0 with their own database.
 */
public final class App implements AutoCloseable {

    private static final Logger requestLog = LoggerFactory.getLogger("glossa.requests");
    /** How long requests in flight may take to finish once the server is told to stop. */
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final Config config;
    private final Database database;
    private final Javalin javalin;
    /** Essay pages built in the background after a start (the first in title order). */
    private static final int WARM_ESSAYS = 20;
    private final ImportReport startupImport;
    private final SearchService search;
    private final java.util.function.Supplier<java.util.List<String>> warmPaths;
    private final ChangeFeed changes;

    private App(Config config, Database database, Javalin javalin, ImportReport startupImport, SearchService search,
                java.util.function.Supplier<java.util.List<String>> warmPaths, ChangeFeed changes) {
        this.warmPaths = warmPaths;
        this.changes = changes;
        this.config = config;
        this.database = database;
        this.javalin = javalin;
        this.startupImport = startupImport;
        this.search = search;
    }

    public static App create(Config config) {
        return create(config, Clock.systemUTC());
    }

    public static App create(Config config, Clock clock) {
        // Checked before the database opens: a mistyped option stops the start with its own message.
        TrustedProxies proxies = new TrustedProxies(config.trustedProxies());
        PublicUrl publicUrl = new PublicUrl(config.baseUrl(), proxies);
        Database database = Database.open(config.dbUrl());
        SearchService search = null;
        ChangeFeed changes = null;
        try {
            Services services = new Services(database.jdbc(), clock);
            Jdbc jdbc = services.jdbc;
            ImportReport report = null;
            if (config.corpusDir() != null && Files.isDirectory(config.corpusDir())) {
                // Servers starting together on one database take turns: the first imports, the others find it done.
                try (var lock = database.startupLock()) {
                    report = services.importCorpus(config.corpusDir());
                }
            }
            EssayCatalog catalog = services.catalog;
            // What other servers on this database write reaches this one's memory through the change log.
            changes = new ChangeFeed(jdbc, clock).start();
            changes.addListener(catalog);
            EssayRepository essays = services.essays;
            AuditLog audit = services.audit;
            UserRepository users = services.users;
            AnnotationRepository annotations = services.annotations;
            AnnotationService annotationService = services.annotationService;
            LinkRepository links = services.links;
            LinkService linkService = services.linkService;
            ClaimRepository claimRepository = services.claims;
            ClaimService claimService = services.claimService;

            EssayPage essayPage = new EssayPage();
            EssayController essayPages = new EssayController(catalog, annotations::countsByEssay);
            Connections connections = new Connections(links, claimRepository, catalog, linkService);
            AnnotationController notePages = new AnnotationController(annotationService, annotations, essayPage, connections);
            LinkController linkPages = new LinkController(linkService, links, annotationService, annotations, catalog, essayPage);
            ClaimController claimPages = new ClaimController(claimService, claimRepository, annotations, catalog);
            HealthController health = new HealthController(jdbc);
            glossa.texts.AddTextController addText = new glossa.texts.AddTextController(services.essayEditor);
            glossa.changes.ChangesController changePages = new glossa.changes.ChangesController(new glossa.changes.ChangeRepository(jdbc), catalog);
            EditController editPages = new EditController(services.essayEditor, essays, catalog, annotations);
            LinkApi linkApi = new LinkApi(linkService, links, annotationService, services.json);
            ClaimApi claimApi = new ClaimApi(claimService, claimRepository, services.json);

            ApiTokens apiTokens = new ApiTokens(jdbc, services.tokens, clock);
            AccountService accounts = services.accounts;
            Sessions sessions = new Sessions(services.sessions, apiTokens);
            Csrf csrf = new Csrf(jdbc);
            ObjectMapper json = services.json;
            AccountController accountPages = new AccountController(accounts, users, apiTokens, audit, new glossa.changes.UserContributions(jdbc));
            AdminController admin = new AdminController(accounts, users, audit);
            BackupDownload backupDownload = new BackupDownload(database.dataSource(), audit, clock);
            AccountApi accountApi = new AccountApi(apiTokens, audit, json);
            AnnotationApi annotationApi = new AnnotationApi(annotationService, annotations, essays, json);
            glossa.notifications.NotificationRoutes notificationRoutes = new glossa.notifications.NotificationRoutes(jdbc);
            Assets assets = new Assets(config.dev());
            Templates templates = new Templates(config.dev(), Path.of(""), csrf, notificationRoutes::unseen, assets);
            String buildId = BuildId.of(System.getenv("GLOSSA_BUILD_ID"));
            ReadingRoutes reading = new ReadingRoutes(new CachedPages(templates, csrf, buildId, !config.dev()), new PageVersions(jdbc),
                    catalog, notePages, new OwnControls(annotations, connections, services.json), essayPages, claimPages, linkPages, buildId);
            WriteRateLimit writeLimit = new WriteRateLimit(jdbc, clock, config.writesPerMinute());
            search = services.openSearch(config);
            SearchRoutes searchRoutes = new SearchRoutes(search, annotations, json);

            Javalin javalin = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.fileRenderer(templates);
                cfg.http.defaultContentType = "text/html; charset=utf-8";
                cfg.http.maxRequestSize = BodyLimit.MAX_TEXT_BYTES;
                // On stop (SIGTERM): stop accepting, let requests in flight finish (up to the timeout),
                // then close; App.close shuts the database only after that, so no answered write is lost.
                cfg.jetty.modifyServer(server -> {
                    server.setHandler(new GracefulHandler());
                    server.setStopTimeout(STOP_TIMEOUT.toMillis());
                });
                cfg.staticFiles.add(files -> {
                    files.hostedPath = "/static";
                    files.directory = config.dev() ? "static" : "/static";
                    files.location = config.dev() ? Location.EXTERNAL : Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", config.dev() ? "no-cache" : "public, max-age=3600");
                });
                cfg.requestLogger.http((ctx, ms) -> requestLog.info("{} {} {} {}ms",
                        ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));

                // ctx.ip() is the client's address, X-Forwarded-For believed only from a trusted proxy.
                cfg.contextResolver.ip = proxies::clientAddress;
                cfg.routes.before(publicUrl::apply);
                cfg.routes.before(SecurityHeaders::apply);
                cfg.routes.before(BodyLimit::check);
                cfg.routes.before(sessions::authenticate);
                cfg.routes.before(csrf::check);
                cfg.routes.before(writeLimit::check);
                searchRoutes.addTo(cfg.routes);
                new glossa.feeds.FeedRoutes(jdbc, catalog, claimRepository).addTo(cfg.routes);
                new glossa.tags.TagRoutes(jdbc, catalog).addTo(cfg.routes);
                notificationRoutes.addTo(cfg.routes);
                new glossa.exports.ExportRoutes(services.annotationExchange(), services.exchange(), catalog, audit, clock).addTo(cfg.routes);

                cfg.routes.get("/", reading::home);
                cfg.routes.get("/assets/<path>", assets::serve);
                cfg.routes.get("/essays/new", addText::showForm);
                cfg.routes.post("/essays/new", addText::process);
                cfg.routes.get("/essays/{slug}", reading::essay);
                cfg.routes.get("/essays/{slug}/annotate", notePages::showAnnotateForm);
                cfg.routes.get("/essays/{slug}/edit", editPages::showEdit);
                cfg.routes.post("/essays/{slug}/edit", editPages::processEdit);
                cfg.routes.get("/essays/{slug}/history", editPages::history);
                cfg.routes.get("/essays/{slug}/diff", editPages::diff);
                cfg.routes.post("/essays/{slug}/revert", editPages::revert);
                cfg.routes.post("/essays/{slug}/annotations", notePages::create);
                cfg.routes.get("/annotations/{id}", notePages::show);
                cfg.routes.post("/annotations/{id}/replies", notePages::reply);
                cfg.routes.post("/annotations/{id}/edit", notePages::edit);
                cfg.routes.get("/annotations/{id}/delete", notePages::confirmDelete);
                cfg.routes.post("/annotations/{id}/delete", notePages::delete);
                cfg.routes.post("/preview", notePages::preview);
                cfg.routes.post("/annotations/{id}/hide", notePages::hide);
                cfg.routes.post("/annotations/{id}/restore", notePages::restore);
                cfg.routes.post("/annotations/{id}/reattach", notePages::reattach);
                cfg.routes.get("/annotations/{id}/link", linkPages::showForm);
                cfg.routes.post("/annotations/{id}/links", linkPages::create);
                cfg.routes.get("/links/{id}/remove", linkPages::confirmDelete);
                cfg.routes.post("/links/{id}/delete", linkPages::delete);
                cfg.routes.get("/compare/{a}/{b}", reading::compare);
                cfg.routes.get("/claims", claimPages::list);
                cfg.routes.get("/claims/new", claimPages::showNew);
                cfg.routes.post("/claims", claimPages::create);
                cfg.routes.get("/claims/{slug}", reading::claim);
                cfg.routes.get("/claims/{slug}/edit", claimPages::showEdit);
                cfg.routes.post("/claims/{slug}/edit", claimPages::edit);
                cfg.routes.get("/claims/{slug}/history", claimPages::history);
                cfg.routes.get("/claims/{slug}/diff", claimPages::diff);
                cfg.routes.post("/claims/{slug}/revert", claimPages::revert);
                cfg.routes.post("/claims/{slug}/passages", claimPages::attach);
                cfg.routes.get("/synopsis", reading::synopsis);
                cfg.routes.get("/changes", changePages::list);
                cfg.routes.get("/healthz", health::health);

                cfg.routes.get("/signup", accountPages::showSignUp);
                cfg.routes.post("/signup", accountPages::processSignUp);
                cfg.routes.get("/signin", accountPages::showSignIn);
                cfg.routes.post("/signin", accountPages::processSignIn);
                cfg.routes.post("/signout", accountPages::signOut);
                cfg.routes.get("/account/password", accountPages::showPassword);
                cfg.routes.post("/account/password", accountPages::processPassword);
                cfg.routes.post("/account/tokens", accountPages::createToken);
                cfg.routes.post("/account/tokens/{id}/revoke", accountPages::revokeToken);
                cfg.routes.get("/users/{username}", accountPages::profile);
                cfg.routes.get("/admin/users", admin::users);
                cfg.routes.post("/admin/users/{id}/role", admin::setRole);
                cfg.routes.get("/admin/audit", admin::auditLog);
                cfg.routes.get("/admin/backup", backupDownload::download);

                cfg.routes.get("/api/annotations/", annotationApi::allContainer);
                cfg.routes.head("/api/annotations/", annotationApi::allContainer);
                cfg.routes.options("/api/annotations/", annotationApi::containerOptions);
                cfg.routes.post("/api/annotations/", annotationApi::create);
                cfg.routes.get("/api/annotations/{id}", annotationApi::get);
                cfg.routes.head("/api/annotations/{id}", annotationApi::get);
                cfg.routes.options("/api/annotations/{id}", annotationApi::itemOptions);
                cfg.routes.put("/api/annotations/{id}", annotationApi::put);
                cfg.routes.delete("/api/annotations/{id}", annotationApi::delete);
                cfg.routes.get("/api/essays/{slug}/annotations/", annotationApi::essayContainer);
                cfg.routes.head("/api/essays/{slug}/annotations/", annotationApi::essayContainer);
                cfg.routes.options("/api/essays/{slug}/annotations/", annotationApi::essayContainerOptions);
                cfg.routes.post("/api/essays/{slug}/annotations/", annotationApi::createInEssay);
                cfg.routes.get("/api/links/", linkApi::list);
                cfg.routes.post("/api/links/", linkApi::create);
                cfg.routes.get("/api/links/{id}", linkApi::get);
                cfg.routes.delete("/api/links/{id}", linkApi::delete);
                cfg.routes.get("/api/claims/", claimApi::list);
                cfg.routes.post("/api/claims/", claimApi::create);
                cfg.routes.get("/api/claims/{slug}", claimApi::get);
                cfg.routes.put("/api/claims/{slug}", claimApi::put);
                cfg.routes.get("/api/claims/{slug}/history", claimApi::history);
                cfg.routes.get("/api/me", accountApi::me);
                cfg.routes.get("/api/tokens", accountApi::listTokens);
                cfg.routes.post("/api/tokens", accountApi::createToken);
                cfg.routes.delete("/api/tokens/{id}", accountApi::revokeToken);

                cfg.routes.exception(SeeOther.class, ErrorPages::seeOther);
                cfg.routes.exception(Rejection.class, ErrorPages::rejected);
                cfg.routes.exception(io.javalin.validation.ValidationException.class, ErrorPages::invalidParameter);
                cfg.routes.exception(HttpResponseException.class, ErrorPages::httpError);
                cfg.routes.exception(Exception.class, ErrorPages::unexpected);
                cfg.routes.error(404, "*", ErrorPages::notFound);
            });
            // Warm only the home page and the first essays: with thousands of essays, building every page
            // at start would read the whole corpus, which a node must not do.
            java.util.function.Supplier<java.util.List<String>> warmPaths = () -> java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("/"), catalog.all().stream().limit(WARM_ESSAYS).map(e -> "/essays/" + e.slug())).toList();
            return new App(config, database, javalin, report, search, warmPaths, changes);
        } catch (IOException e) {
            closeQuietly(search);
            closeQuietly(changes);
            database.close();
            throw new UncheckedIOException("could not read the corpus: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(search);
            closeQuietly(changes);
            database.close();
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part != null) {
            try {
                part.close();
            } catch (Exception e) {
                // Already failing to start: the first error is the one to report.
                LoggerFactory.getLogger(App.class).warn("closing after a failed start: {}", e.toString());
            }
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
        Thread thread = new Thread(() -> new glossa.reading.WarmUp(self).visit(warmPaths.get()), "glossa-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** The port actually bound, useful when the config asked for 0. */
    public int port() {
        return javalin.port();
    }

    public Optional<ImportReport> startupImport() {
        return Optional.ofNullable(startupImport);
    }

    /** Every route as "METHOD /path/{param}", for tests that try each one. */
    java.util.List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** For tests and benchmarks that look at the index directly. */
    public SearchService search() {
        return search;
    }

    /**
     * The change log as this server follows it: a page cache registers here ({@link ChangeFeed#addListener})
     * to hear of every write on any server sharing the database, and may use {@link ChangeFeed#position()}
     * as a version counter.
     */
    public ChangeFeed changes() {
        return changes;
    }

    /** For tests that need to simulate a database failure. */
    Database database() {
        return database;
    }

    @Override
    public void close() {
        javalin.stop();
        changes.close();
        search.close();
        database.close();
        LoggerFactory.getLogger(App.class).info("Glossa stopped: requests in flight answered, database closed");
    }
}
