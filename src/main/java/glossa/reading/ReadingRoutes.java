package glossa.reading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.MarginExtras;
import glossa.errors.Reason;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.essays.EssayTemplates;
import glossa.links.LinkRepository;
import glossa.storage.PageVersions;
import glossa.storage.PageVersions.EssayStamp;
import glossa.storage.PageVersions.Stamp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reading pages, the one owner of their URLs, served through the page cache: the essay list
 * ({@code /}), the essay (and its {@code .txt}), claim, synopsis and compare pages. Each handler reads
 * its validator from the page version counters (one small query), then hands the page's builder to
 * {@link CachedPages}, used only on a miss: the essay and compare pages are composed here ({@link EssayReader},
 * {@link ComparePage}), the others are built by their own features ({@link Builders}).
 */
public final class ReadingRoutes {

    /** The features' own page builders, each rendering its page into the request; called on a cache miss. */
    public record Builders(Handler home, Handler plainText, Handler claim, Handler synopsis) {}

    /**
     * The features' data the essay and compare pages are composed from.
     *
     * @param extras what links and claims add to the margin and the Connections panel
     */
    public record Sources(
            EssayCatalog catalog,
            EssayTemplates templates,
            AnnotationService notesService,
            AnnotationRepository notes,
            LinkRepository links,
            MarginExtras extras) {}

    private static final String TXT = ".txt";
    /** How many readers' own-controls JSON to keep; each is a few hundred bytes. */
    private static final int OWN_CONTROLS_KEPT = 10_000;

    private final CachedPages pages;
    private final PageVersions versions;
    private final EssayCatalog catalog;
    private final EssayReader reader;
    private final ComparePage comparePage;
    private final OwnControls ownControls;
    private final Builders builders;
    private final String buildId;
    private final Cache<String, String> own = Caffeine.newBuilder()
            .maximumSize(OWN_CONTROLS_KEPT)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    public ReadingRoutes(
            CachedPages pages,
            PageVersions versions,
            Sources from,
            Builders builders,
            ObjectMapper json,
            String buildId) {
        this.pages = pages;
        this.versions = versions;
        this.catalog = from.catalog();
        EssayPage essayPage = new EssayPage(from.templates());
        this.reader = new EssayReader(from.notesService(), from.notes(), essayPage, from.extras());
        this.comparePage = new ComparePage(from.notesService(), from.notes(), from.links(), from.catalog(), essayPage);
        this.ownControls = new OwnControls(from.notes(), from.links(), json);
        this.builders = builders;
        this.buildId = buildId;
    }

    /** Mounted after the features whose literal paths ({@code /essays/new}, {@code /claims/new}) must match first, before the rest. */
    public void addTo(RoutesConfig routes) {
        page(routes, "/", this::home);
        page(routes, "/essays/{slug}", this::essay);
        page(routes, "/claims/{slug}", this::claim);
        page(routes, "/synopsis", this::synopsis);
        page(routes, "/compare/{a}/{b}", this::compare);
    }

    /**
     * GET, and HEAD with the same headers (length, ETag, dates) and no body: left to itself, Javalin
     * answers HEAD 200 with none of the page's headers and a length of 0.
     */
    private static void page(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    void home(Context ctx) throws Exception {
        Stamp all = versions.allEssays();
        pages.serve(ctx, new CachedPages.Validator("home:" + all.version(), all.changedAt()), "", (c, viewer) -> {
            catalog.catchUp();
            builders.home().handle(c);
        });
    }

    void essay(Context ctx) throws Exception {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(TXT)) {
            text(ctx, slug.substring(0, slug.length() - TXT.length()));
            return;
        }
        EssayStamp stamp = versions.essay(slug).orElseThrow(() -> noEssay(slug));
        EssayRevision essay = current(slug, stamp);
        EssayReader.View view = reader.view(ctx, essay);
        String tag = "essay:" + stamp.essayId() + ":" + stamp.revisionNo() + ":" + stamp.version();
        pages.serve(
                ctx,
                new CachedPages.Validator(tag, stamp.changedAt()),
                view.variant(),
                (c, viewer) -> reader.render(c, view, viewer),
                person -> own.get(tag + ":" + person.id(), k -> ownControls.json(stamp.essayId(), person)));
    }

    /** The plain text notes anchor to: its tag is the revision, so it is 304 until the text itself changes. */
    private void text(Context ctx, String slug) throws Exception {
        EssayStamp stamp = versions.essay(slug).orElseThrow(() -> noEssay(slug));
        EssayRevision essay = current(slug, stamp);
        String etag = "\"" + buildId + "-txt-" + stamp.essayId() + "-" + stamp.revisionNo() + "\"";
        Instant modified = essay.importedAt();
        ctx.header("ETag", etag).header("Cache-Control", "public, no-cache");
        if (modified != null) {
            ctx.header(
                    "Last-Modified",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        }
        if (CachedPages.notModified(ctx, etag, modified)) {
            ctx.status(304);
            return;
        }
        builders.plainText().handle(ctx);
    }

    void claim(Context ctx) throws Exception {
        String slug = ctx.pathParam("slug");
        Stamp claim = versions.claim(slug).orElse(null);
        if (claim == null) {
            builders.claim().handle(ctx); // its own "no such claim" page
            return;
        }
        Stamp all = versions.allEssays();
        pages.serve(
                ctx,
                new CachedPages.Validator(
                        "claim:" + claim.version() + ":" + all.version(), latest(claim.changedAt(), all.changedAt())),
                "",
                (c, viewer) -> {
                    catalog.catchUp();
                    builders.claim().handle(c);
                });
    }

    void synopsis(Context ctx) throws Exception {
        Stamp essays = versions.allEssays();
        Stamp claims = versions.allClaims();
        pages.serve(
                ctx,
                new CachedPages.Validator(
                        "synopsis:" + essays.version() + ":" + claims.version(),
                        latest(essays.changedAt(), claims.changedAt())),
                "",
                (c, viewer) -> {
                    catalog.catchUp();
                    builders.synopsis().handle(c);
                });
    }

    void compare(Context ctx) throws Exception {
        String a = ctx.pathParam("a");
        String b = ctx.pathParam("b");
        EssayStamp left = versions.essay(a).orElseThrow(() -> noEssay(a));
        EssayStamp right = versions.essay(b).orElseThrow(() -> noEssay(b));
        current(a, left);
        current(b, right);
        String tag = "compare:" + left.essayId() + ":" + left.revisionNo() + ":" + left.version() + ":"
                + right.essayId() + ":" + right.revisionNo() + ":" + right.version();
        pages.serve(
                ctx,
                new CachedPages.Validator(tag, latest(left.changedAt(), right.changedAt())),
                "",
                (c, viewer) -> comparePage.render(c));
    }

    /** The essay as the database has it now: the in-memory catalog is reloaded if another process stored a newer revision. */
    private EssayRevision current(String slug, EssayStamp stamp) throws AnnotationException {
        EssayRevision essay = reader.essayCalled(slug);
        if (essay.revisionNo() < stamp.revisionNo()) {
            catalog.catchUp();
            essay = reader.essayCalled(slug);
        }
        return essay;
    }

    private static AnnotationException noEssay(String slug) {
        return new AnnotationException(Reason.NOT_FOUND, null, "There is no essay called \u201c" + slug + "\u201d.");
    }

    private static Instant latest(Instant... times) {
        return Arrays.stream(times)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
