package glossa;

import glossa.accounts.AccountRoutes;
import glossa.accounts.Sessions;
import glossa.accounts.WriteRateLimit;
import glossa.annotations.AnnotationRoutes;
import glossa.changes.ChangeRoutes;
import glossa.changes.UserContributions;
import glossa.claims.ClaimRoutes;
import glossa.editing.EditingRoutes;
import glossa.essays.EssayRoutes;
import glossa.exports.ExportRoutes;
import glossa.feeds.FeedRoutes;
import glossa.links.LinkRoutes;
import glossa.reading.BuildId;
import glossa.reading.CachedPages;
import glossa.reading.ReadingRoutes;
import glossa.search.SearchRoutes;
import glossa.storage.PageVersions;
import glossa.tags.TagRoutes;
import glossa.texts.TextRoutes;
import glossa.web.Assets;
import glossa.web.BodyLimit;
import glossa.web.Csrf;
import glossa.web.HealthController;
import glossa.web.NulCharacters;
import glossa.web.PageExtras;
import glossa.web.PublicUrl;
import glossa.web.SecurityHeaders;
import glossa.web.ServerSettings;
import glossa.web.Templates;
import glossa.web.TrustedProxies;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import java.nio.file.Path;

/**
 * The web side of the wiring: the server's settings, the filters in the order they run, every feature's
 * routes and the error pages, built on the parts in {@link Services}. {@link App} applies it to a new server.
 */
final class Site {

    private final Services s;
    private final Config config;
    private final TrustedProxies proxies;
    private final PublicUrl publicUrl;

    /** {@code proxies} and {@code publicUrl} are read from the config before the database opens (see {@link App}). */
    Site(Services services, Config config, TrustedProxies proxies, PublicUrl publicUrl) {
        this.s = services;
        this.config = config;
        this.proxies = proxies;
        this.publicUrl = publicUrl;
    }

    void configure(JavalinConfig cfg) {
        Csrf csrf = new Csrf(s.jdbc);
        Assets assets = new Assets(config.dev());
        PageExtras extras = new PageExtras();
        Templates templates = new Templates(
                config.dev(),
                Path.of(""),
                csrf,
                ctx -> Sessions.currentUser(ctx).map(s.notifications::unseen).orElse(0),
                assets,
                extras);
        String buildId = BuildId.of(System.getenv("GLOSSA_BUILD_ID"));
        CachedPages pages = new CachedPages(templates, csrf, buildId, !config.dev());
        Sessions sessions = new Sessions(s.sessions, s.apiTokens);
        WriteRateLimit writeLimit = new WriteRateLimit(s.jdbc, s.clock, config.writesPerMinute());
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
        mountRoutes(cfg.routes, pages, assets, extras, buildId);
        ServerSettings.mapErrors(cfg.routes);
    }

    /**
     * Each feature mounts its own routes; the reading pages (home, essay, claim, synopsis, compare) are
     * mounted by the reading feature, through {@code pages}, the page cache, with the features' builders.
     */
    private void mountRoutes(RoutesConfig routes, CachedPages pages, Assets assets, PageExtras extras, String buildId) {
        EssayRoutes essayList = new EssayRoutes(s.catalog, s.annotations::countsByEssay);
        ClaimRoutes claimRoutes = new ClaimRoutes(s.claimService, s.claims, s.annotations, s.catalog, s.json);
        ReadingRoutes.Builders builders = new ReadingRoutes.Builders(
                essayList.listPage(), essayList.plainText(), claimRoutes.claimPage(), claimRoutes.synopsisPage());
        ReadingRoutes.Sources sources = new ReadingRoutes.Sources(
                s.catalog, s.templates, s.annotationService, s.annotations, s.links, s.margin);
        // Javalin tries GET routes in the order added, a regex each, on every request: the reading pages,
        // most of all requests, come first, after only the two literal paths they would otherwise
        // shadow (/essays/new, /claims/new). Assets come next: a browser caches them for a year.
        new TextRoutes(s.essayEditor).addTo(routes);
        claimRoutes.addNewFormTo(routes);
        new ReadingRoutes(pages, new PageVersions(s.jdbc, s.changes()::position), sources, builders, s.json, buildId)
                .addTo(routes);
        assets.addTo(routes);
        claimRoutes.addTo(routes);
        new SearchRoutes(s.search(), s.annotations, s.json).addTo(routes, extras);
        new FeedRoutes(s.jdbc, s.catalog, s.claims).addTo(routes, extras);
        new TagRoutes(s.jdbc, s.catalog).addTo(routes);
        s.notifications.addTo(routes);
        new ExportRoutes(s.annotationExchange(), s.exchange(), s.catalog, s.audit, s.clock).addTo(routes);
        new AnnotationRoutes(s.annotationService, s.annotations, s.essays, s.templates, s.margin, s.json).addTo(routes);
        new EditingRoutes(s.essayEditor, s.essays, s.catalog, s.annotations).addTo(routes);
        new LinkRoutes(s.linkService, s.links, s.annotationService, s.catalog, s.json).addTo(routes);
        new ChangeRoutes(s.jdbc, s.catalog).addTo(routes);
        new AccountRoutes(
                        s.accounts,
                        s.users,
                        s.apiTokens,
                        s.audit,
                        new UserContributions(s.jdbc),
                        s.database().dataSource(),
                        s.clock,
                        s.json)
                .addTo(routes);
        routes.get("/healthz", new HealthController(s.jdbc)::health);
    }
}
