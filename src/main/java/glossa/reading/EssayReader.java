package glossa.reading;

import glossa.accounts.User;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.Kind;
import glossa.annotations.MarginExtras;
import glossa.essays.EssayRevision;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The reading page of an essay, composed from the features' data: the essay's blocks and notes
 * (annotations), and what links and claims add to the margin and the Connections panel. It is split in
 * two for the page cache: {@link #view} reads what the request asks for (every request), {@link #render}
 * draws the page for a class of reader (only when the cache has no copy).
 */
final class EssayReader {

    /** Set once the how-to hint was shown; it is not shown again. */
    static final String HINT_COOKIE = "glossa_hint";

    private static final String HINT_SET_COOKIE =
            HINT_COOKIE + "=seen; Path=/; Max-Age=" + 365 * 24 * 3600 + "; HttpOnly; SameSite=Lax";

    /**
     * What the essay page shows besides the essay's state, read from the request: which notes, whether
     * the how-to hint shows, the way back after following a link. {@link #variant} names it for the page cache.
     */
    record View(EssayRevision essay, EssayPage.Filter filter, boolean firstVisit, Map<String, String> back) {
        String variant() {
            return String.join(
                    "\n",
                    filter.tag(),
                    filter.author(),
                    filter.kind(),
                    Boolean.toString(filter.hideNotes()),
                    Boolean.toString(firstVisit),
                    back == null ? "" : back.get("href"));
        }
    }

    private final AnnotationService notesService;
    private final AnnotationRepository notes;
    private final EssayPage essayPage;
    private final MarginExtras extras;

    EssayReader(AnnotationService notesService, AnnotationRepository notes, EssayPage essayPage, MarginExtras extras) {
        this.notesService = notesService;
        this.notes = notes;
        this.essayPage = essayPage;
        this.extras = extras;
    }

    /** The essay called {@code slug} as the page shows it; refused NOT_FOUND when there is none. */
    EssayRevision essayCalled(String slug) throws AnnotationException {
        return notesService.essay(slug);
    }

    /** {@code /essays/{slug}}: reads what the reader asked for; the first essay page also sets the hint cookie. */
    View view(Context ctx, EssayRevision essay) {
        EssayPage.Filter filter = new EssayPage.Filter(
                param(ctx, "tag"), param(ctx, "author"), param(ctx, "kind"), "hide".equals(ctx.queryParam("notes")));
        // How to annotate is said once, near the top: on a reader's first essay page, then no more.
        boolean firstVisit = ctx.cookie(HINT_COOKIE) == null;
        if (firstVisit) {
            // Written as one fixed header: Jetty's cookie writer would format an expiry date each time.
            ctx.res().addHeader("Set-Cookie", HINT_SET_COOKIE);
        }
        return new View(essay, filter, firstVisit, backLink(ctx));
    }

    /** The reading page with its notes, drawn for {@code viewer} (null when signed out, else a class of reader). */
    void render(Context ctx, View view, User viewer) {
        EssayRevision essay = view.essay();
        MarginExtras.Extras more = extras.forEssay(essay.essayId(), viewer);
        EssayPage.Model model =
                essayPage.build(essay, notes.forEssay(essay.essayId()), viewer, view.filter(), more.byAnnotation());
        Map<String, Object> m = new HashMap<>();
        m.put("connections", more.panel());
        m.put("linkCount", more.linkCount());
        m.put("back", view.back());
        m.put("essay", essay);
        m.put("page", model);
        m.put("filter", view.filter());
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        m.put("firstVisit", view.firstVisit());
        ctx.render("essays/show", m);
    }

    /** After following a link: the way back to where the reader came from. */
    private Map<String, String> backLink(Context ctx) {
        String from = ctx.queryParam("from");
        String back = ctx.queryParam("back");
        if (from == null || back == null || !back.matches("\\d{1,12}")) {
            return null;
        }
        try {
            EssayRevision origin = notesService.essay(from);
            return Map.of(
                    "href",
                    "/essays/" + origin.slug() + "#a-" + back,
                    "title",
                    origin.meta().title());
        } catch (AnnotationException e) {
            return null; // an unknown origin just means no way back is offered
        }
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }
}
