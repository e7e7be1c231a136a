package glossa.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import glossa.annotations.AnnotationController;
import glossa.annotations.AnnotationException;
import glossa.annotations.OwnControls;
import glossa.claims.ClaimController;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayController;
import glossa.essays.EssayRevision;
import glossa.links.LinkController;
import glossa.storage.PageVersions;
import glossa.storage.PageVersions.EssayStamp;
import glossa.storage.PageVersions.Stamp;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reading pages through the page cache: essay (and its {@code .txt}), claim, synopsis, compare and
 * the essay list. Each handler reads its validator from the page version counters (one small query),
 * then hands the page's own controller to {@link CachedPages} as the builder, used only on a miss.
 */
public final class ReadingRoutes {

    private static final String TXT = ".txt";
    /** How many readers' own-controls JSON to keep; each is a few hundred bytes. */
    private static final int OWN_CONTROLS_KEPT = 10_000;

    private final CachedPages pages;
    private final PageVersions versions;
    private final EssayCatalog catalog;
    private final AnnotationController notePages;
    private final OwnControls ownControls;
    private final EssayController essayPages;
    private final ClaimController claimPages;
    private final LinkController linkPages;
    private final String buildId;
    private final Cache<String, String> own = Caffeine.newBuilder().maximumSize(OWN_CONTROLS_KEPT)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public ReadingRoutes(CachedPages pages, PageVersions versions, EssayCatalog catalog, AnnotationController notePages,
                         OwnControls ownControls, EssayController essayPages, ClaimController claimPages, LinkController linkPages,
                         String buildId) {
        this.pages = pages;
        this.versions = versions;
        this.catalog = catalog;
        this.notePages = notePages;
        this.ownControls = ownControls;
        this.essayPages = essayPages;
        this.claimPages = claimPages;
        this.linkPages = linkPages;
        this.buildId = buildId;
    }

    public void home(Context ctx) throws Exception {
        Stamp all = versions.allEssays();
        pages.serve(ctx, new CachedPages.Validator("home:" + all.version(), all.changedAt()), "", (c, viewer) -> {
            catalog.catchUp();
            essayPages.index(c);
        });
    }

    public void essay(Context ctx) throws Exception {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(TXT)) {
            text(ctx, slug.substring(0, slug.length() - TXT.length()));
            return;
        }
        EssayStamp stamp = versions.essay(slug).orElseThrow(() -> noEssay(slug));
        EssayRevision essay = current(slug, stamp);
        AnnotationController.EssayView view = notePages.essayView(ctx, essay);
        String tag = "essay:" + stamp.essayId() + ":" + stamp.revisionNo() + ":" + stamp.version();
        pages.serve(ctx, new CachedPages.Validator(tag, stamp.changedAt()), view.variant(),
                (c, viewer) -> notePages.renderEssay(c, view, viewer),
                reader -> own.get(tag + ":" + reader.id(), k -> ownControls.json(stamp.essayId(), reader)));
    }

    /** The plain text notes anchor to: its tag is the revision, so it is 304 until the text itself changes. */
    private void text(Context ctx, String slug) {
        EssayStamp stamp = versions.essay(slug).orElseThrow(() -> noEssay(slug));
        EssayRevision essay = current(slug, stamp);
        String etag = "\"" + buildId + "-txt-" + stamp.essayId() + "-" + stamp.revisionNo() + "\"";
        Instant modified = essay.importedAt();
        ctx.header("ETag", etag).header("Cache-Control", "public, no-cache");
        if (modified != null) {
            ctx.header("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        }
        if (CachedPages.notModified(ctx, etag, modified)) {
            ctx.status(304);
            return;
        }
        essayPages.text(ctx);
    }

    public void claim(Context ctx) throws Exception {
        String slug = ctx.pathParam("slug");
        Stamp claim = versions.claim(slug).orElse(null);
        if (claim == null) {
            claimPages.show(ctx); // its own "no such claim" page
            return;
        }
        Stamp all = versions.allEssays();
        pages.serve(ctx, new CachedPages.Validator("claim:" + claim.version() + ":" + all.version(), latest(claim.changedAt(), all.changedAt())),
                "", (c, viewer) -> {
                    catalog.catchUp();
                    claimPages.show(c);
                });
    }

    public void synopsis(Context ctx) throws Exception {
        Stamp essays = versions.allEssays();
        Stamp claims = versions.allClaims();
        pages.serve(ctx, new CachedPages.Validator("synopsis:" + essays.version() + ":" + claims.version(),
                latest(essays.changedAt(), claims.changedAt())), "", (c, viewer) -> {
                    catalog.catchUp();
                    claimPages.synopsis(c);
                });
    }

    public void compare(Context ctx) throws Exception {
        String a = ctx.pathParam("a");
        String b = ctx.pathParam("b");
        EssayStamp left = versions.essay(a).orElseThrow(() -> noEssay(a));
        EssayStamp right = versions.essay(b).orElseThrow(() -> noEssay(b));
        current(a, left);
        current(b, right);
        String tag = "compare:" + left.essayId() + ":" + left.revisionNo() + ":" + left.version() + ":"
                + right.essayId() + ":" + right.revisionNo() + ":" + right.version();
        pages.serve(ctx, new CachedPages.Validator(tag, latest(left.changedAt(), right.changedAt())), "",
                (c, viewer) -> linkPages.compare(c));
    }

    /** The essay as the database has it now: the in-memory catalog is reloaded if another process stored a newer revision. */
    private EssayRevision current(String slug, EssayStamp stamp) throws NotFoundResponse {
        try {
            EssayRevision essay = notePages.essayCalled(slug);
            if (essay.revisionNo() < stamp.revisionNo()) {
                catalog.catchUp();
                essay = notePages.essayCalled(slug);
            }
            return essay;
        } catch (AnnotationException e) {
            throw noEssay(slug);
        }
    }

    private static NotFoundResponse noEssay(String slug) {
        return new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d.");
    }

    private static Instant latest(Instant... times) {
        return Arrays.stream(times).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
