package glossa.reading;

import glossa.annotations.Annotation;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.links.LinkRepository;
import glossa.links.LinkView;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/**
 * {@code /compare/{a}/{b}}: both essays side by side with the passages the links between them join
 * marked, every link listed and (with JavaScript, {@code static/js/compare.js}) drawn. Composed from
 * the links' data and the essays' text; served through the page cache by {@link ReadingRoutes}.
 */
final class ComparePage {

    private final AnnotationService annotations;
    private final AnnotationRepository notes;
    private final LinkRepository links;
    private final EssayCatalog catalog;
    private final EssayPage essayPage;

    ComparePage(
            AnnotationService annotations,
            AnnotationRepository notes,
            LinkRepository links,
            EssayCatalog catalog,
            EssayPage essayPage) {
        this.annotations = annotations;
        this.notes = notes;
        this.links = links;
        this.catalog = catalog;
        this.essayPage = essayPage;
    }

    void render(Context ctx) throws AnnotationException {
        EssayRevision a = annotations.essay(ctx.pathParam("a"));
        EssayRevision b = annotations.essay(ctx.pathParam("b"));
        List<LinkView> between = links.forEssay(a.essayId()).stream()
                .filter(l -> l.otherSlug().equals(b.slug()) && !l.otherRemoved())
                .toList();
        Map<Long, Annotation> byId = new HashMap<>();
        notes.forEssay(a.essayId()).forEach(n -> byId.put(n.id(), n));
        notes.forEssay(b.essayId()).forEach(n -> byId.put(n.id(), n));
        List<Highlighter.Span> spansA = new ArrayList<>();
        List<Highlighter.Span> spansB = new ArrayList<>();
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (LinkView l : between) {
            Annotation here = byId.get(l.hereId());
            Annotation there = byId.get(l.otherId());
            if (here == null || there == null || here.orphan() || there.orphan()) {
                continue;
            }
            spansA.add(new Highlighter.Span(here.anchor().start(), here.anchor().end(), here.id(), "hl-link"));
            spansB.add(
                    new Highlighter.Span(there.anchor().start(), there.anchor().end(), there.id(), "hl-link"));
            pairs.add(pair(l, here, there));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("a", a);
        m.put("b", b);
        // Two essays on one page: each one's footnotes region gets its own name (landmarks must be told apart).
        m.put("htmlA", namedNotes(essayPage.highlighted(a, spansA), a));
        m.put("htmlB", namedNotes(essayPage.highlighted(b, spansB), b));
        m.put("pairs", pairs);
        m.put("essays", catalog.all());
        ctx.render("links/compare", m);
    }

    private static Map<String, Object> pair(LinkView l, Annotation here, Annotation there) {
        Map<String, Object> pair = new HashMap<>();
        pair.put("id", l.id());
        pair.put("from", here.id());
        pair.put("to", there.id());
        pair.put("relation", l.reads());
        pair.put("left", here.quote().exact());
        pair.put("right", there.quote().exact());
        return pair;
    }

    private static String namedNotes(String html, EssayRevision essay) {
        return html.replace(
                "aria-label=\"Notes\"",
                "aria-label=\"Notes to " + Entities.escape(essay.meta().title()) + "\"");
    }
}
