package glossa.reading;

import glossa.accounts.Sessions;
import glossa.accounts.User;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.annotations.Kind;
import glossa.annotations.MarginExtras;
import glossa.essays.EssayRevision;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;

import java.util.HashMap;
import java.util.Map;

/**
 * The reading page of an essay, composed from the features' data: the essay's blocks and notes
 * (annotations), and what links and claims add to the margin and the Connections panel.
 */
final class EssayReader {

    private static final String TEXT_SUFFIX = ".txt";
    /** Set once the how-to hint was shown; it is not shown again. */
    static final String HINT_COOKIE = "glossa_hint";
    private static final int HINT_SECONDS = 365 * 24 * 3600;

    private final AnnotationService notesService;
    private final AnnotationRepository notes;
    private final EssayPage essayPage;
    private final MarginExtras extras;
    private final Handler plainText;

    EssayReader(AnnotationService notesService, AnnotationRepository notes, EssayPage essayPage, MarginExtras extras,
                Handler plainText) {
        this.notesService = notesService;
        this.notes = notes;
        this.essayPage = essayPage;
        this.extras = extras;
        this.plainText = plainText;
    }

    /** {@code /essays/{slug}}: the reading page with its notes; {@code .txt} goes to the plain text. */
    void essay(Context ctx) throws Exception {
        String slug = ctx.pathParam("slug");
        if (slug.endsWith(TEXT_SUFFIX)) {
            plainText.handle(ctx);
            return;
        }
        EssayRevision essay = notesService.essay(slug);
        EssayPage.Filter filter = new EssayPage.Filter(param(ctx, "tag"), param(ctx, "author"), param(ctx, "kind"),
                "hide".equals(ctx.queryParam("notes")));
        User viewer = Sessions.currentUser(ctx).orElse(null);
        MarginExtras.Extras more = extras.forEssay(essay.essayId(), essay.slug(), viewer);
        EssayPage.Model model = essayPage.build(essay, notes.forEssay(essay.essayId()), viewer, filter, more.byAnnotation());
        Map<String, Object> m = new HashMap<>();
        m.put("connections", more.panel());
        m.put("linkCount", more.linkCount());
        m.put("back", backLink(ctx));
        m.put("essay", essay);
        m.put("page", model);
        m.put("filter", filter);
        m.put("kinds", Kind.CHOSEN_BY_READERS);
        // How to annotate is said once, near the top: on a reader's first essay page, then no more.
        boolean firstVisit = ctx.cookie(HINT_COOKIE) == null;
        if (firstVisit) {
            ctx.cookie(new Cookie(HINT_COOKIE, "seen", "/", HINT_SECONDS, false, true, null, SameSite.LAX));
        }
        m.put("firstVisit", firstVisit);
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
            return Map.of("href", "/essays/" + origin.slug() + "#a-" + back, "title", origin.meta().title());
        } catch (AnnotationException e) {
            return null; // an unknown origin just means no way back is offered
        }
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }
}
