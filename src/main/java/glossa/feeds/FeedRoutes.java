package glossa.feeds;

import glossa.changes.Change;
import glossa.changes.ChangeFilter;
import glossa.changes.ChangeRepository;
import glossa.claims.Claim;
import glossa.claims.ClaimRepository;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.storage.Jdbc;
import glossa.web.PageExtras;
import glossa.web.PublicUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The feeds' URLs ({@code /changes/feed.atom}, {@code /essays/{slug}/feed.atom},
 * {@code /claims/{slug}/feed.atom}) and the page extras that advertise them in the head of the
 * home, recent changes, essay and claim pages.
 */
public final class FeedRoutes {

    /** Entries per feed: a reader polls it, the page behind it has the rest. */
    static final int ENTRIES = 50;

    static final String SITE = "/changes/feed.atom";

    private final ChangeRepository changes;
    private final ClaimFeedRepository claimChanges;
    private final EssayCatalog catalog;
    private final ClaimRepository claims;

    public FeedRoutes(Jdbc jdbc, EssayCatalog catalog, ClaimRepository claims) {
        this.changes = new ChangeRepository(jdbc);
        this.claimChanges = new ClaimFeedRepository(jdbc);
        this.catalog = catalog;
        this.claims = claims;
    }

    public void addTo(RoutesConfig routes, PageExtras extras) {
        routes.get(SITE, this::site);
        routes.get("/essays/{slug}/feed.atom", this::essay);
        routes.get("/claims/{slug}/feed.atom", this::claim);
        extras.on("/", (ctx, page) -> advertise(page, "Glossa: recent changes", SITE));
        extras.on("/changes", (ctx, page) -> advertise(page, "Glossa: recent changes", SITE));
        extras.on(
                "/essays/{slug}",
                (ctx, page) -> catalog.find(ctx.pathParam("slug"))
                        .ifPresent(e ->
                                advertise(page, "Changes to \u201c" + e.meta().title() + "\u201d", essayFeed(e))));
        extras.on(
                "/claims/{slug}",
                (ctx, page) -> claims.find(ctx.pathParam("slug"))
                        .ifPresent(c ->
                                advertise(page, "Changes to the claim \u201c" + c.title() + "\u201d", claimFeed(c))));
    }

    void site(Context ctx) {
        List<Change> recent = changes.find(ChangeFilter.ALL, 0, ENTRIES - 1);
        answer(ctx, new AtomFeeds.About("Glossa: recent changes", SITE, "/changes"), recent, Instant.EPOCH);
    }

    void essay(Context ctx) {
        String slug = ctx.pathParam("slug");
        EssayRevision essay = catalog.find(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d."));
        List<Change> recent = changes.find(ChangeFilter.essay(essay.slug()), 0, ENTRIES - 1);
        answer(
                ctx,
                new AtomFeeds.About(
                        "Changes to \u201c" + essay.meta().title() + "\u201d",
                        essayFeed(essay),
                        "/essays/" + essay.slug()),
                recent,
                essay.importedAt());
    }

    void claim(Context ctx) {
        String slug = ctx.pathParam("slug");
        Claim claim = claims.find(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no claim called \u201c" + slug + "\u201d."));
        answer(
                ctx,
                new AtomFeeds.About(
                        "Changes to the claim \u201c" + claim.title() + "\u201d",
                        claimFeed(claim),
                        "/claims/" + claim.slug()),
                claimChanges.recent(claim.slug(), ENTRIES),
                claim.updatedAt());
    }

    private static void answer(Context ctx, AtomFeeds.About about, List<Change> recent, Instant since) {
        // find() reads one row more than asked, to tell whether more follow: a feed shows at most ENTRIES.
        List<Change> shown = recent.size() > ENTRIES ? recent.subList(0, ENTRIES) : recent;
        ctx.contentType(AtomFeeds.MEDIA_TYPE).result(AtomFeeds.write(PublicUrl.base(ctx), about, shown, since));
    }

    private static String essayFeed(EssayRevision e) {
        return "/essays/" + e.slug() + "/feed.atom";
    }

    private static String claimFeed(Claim c) {
        return "/claims/" + c.slug() + "/feed.atom";
    }

    private static void advertise(Map<String, Object> page, String title, String href) {
        page.put("feeds", List.of(new FeedLink(title, href)));
    }
}
