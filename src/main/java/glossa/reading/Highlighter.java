package glossa.reading;

import glossa.essays.EssayTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.jsoup.nodes.Entities;

/**
 * Splices highlight marks into a block of an {@link EssayTemplate}. A passage that crosses emphasis,
 * links, paragraphs or quotations becomes several marks, one per text run, all naming the note; where
 * passages overlap, one mark names every note over it, so nested and overlapping notes both render.
 */
final class Highlighter {

    /**
     * One highlighted span.
     *
     * @param start first code point, inclusive; {@code end} exclusive
     * @param id the note's id
     * @param cssClass extra class for the mark (e.g. "hl-changed"), or empty
     */
    record Span(int start, int end, long id, String cssClass) {}

    private Highlighter() {}

    /** Renders {@code block} with {@code spans} (any order; spans outside the block are ignored). */
    static String render(EssayTemplate.Block block, List<Span> spans) {
        List<Span> relevant = new ArrayList<>();
        for (Span s : spans) {
            if (s.end() > block.start() && s.start() < block.end() && s.end() > s.start()) {
                relevant.add(s);
            }
        }
        relevant.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder();
        List<Span> active = new ArrayList<>();
        int next = 0;
        for (EssayTemplate.Part part : block.parts()) {
            if (part instanceof EssayTemplate.Markup m) {
                out.append(m.html());
                continue;
            }
            EssayTemplate.Text t = (EssayTemplate.Text) part;
            while (next < relevant.size() && relevant.get(next).start() < t.end()) {
                active.add(relevant.get(next++));
            }
            active.removeIf(s -> s.end() <= t.start());
            if (active.isEmpty()) {
                appendEscaped(out, t.text());
                continue;
            }
            renderRun(out, t, active);
        }
        return out.toString();
    }

    private static void renderRun(StringBuilder out, EssayTemplate.Text t, List<Span> active) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(t.start());
        cuts.add(t.end());
        for (Span s : active) {
            if (s.start() > t.start() && s.start() < t.end()) {
                cuts.add(s.start());
            }
            if (s.end() > t.start() && s.end() < t.end()) {
                cuts.add(s.end());
            }
        }
        String text = t.text();
        int charPos = 0;
        Integer from = null;
        for (int cut : cuts) {
            if (from != null) {
                int chars = text.offsetByCodePoints(charPos, cut - from) - charPos;
                String piece = text.substring(charPos, charPos + chars);
                charPos += chars;
                List<Span> over = new ArrayList<>();
                for (Span s : active) {
                    if (s.start() <= from && s.end() >= cut) {
                        over.add(s);
                    }
                }
                if (over.isEmpty()) {
                    appendEscaped(out, piece);
                } else {
                    openMark(out, over);
                    appendEscaped(out, piece);
                    out.append("</mark>");
                }
            }
            from = cut;
        }
    }

    /**
     * A mark names its notes in {@code data-a} (the style sheet styles every {@code mark[data-a]}); its class
     * is its one note's, or {@code hl-overlap} where notes overlap (plus {@code hl-changed} if the text moved
     * under any). A page of a thousand notes has some two thousand marks, so they say nothing twice.
     */
    private static void openMark(StringBuilder out, List<Span> over) {
        out.append("<mark class=\"");
        if (over.size() == 1) {
            out.append(over.get(0).cssClass());
        } else {
            out.append("hl-overlap");
            if (over.stream().anyMatch(s -> s.cssClass().contains("hl-changed"))) {
                out.append(" hl-changed");
            }
        }
        out.append("\" data-a=\"");
        for (int i = 0; i < over.size(); i++) {
            out.append(i == 0 ? "" : " ").append(over.get(i).id());
        }
        out.append("\">");
    }

    /** Escapes text for HTML element content; the browser's DOM gets back exactly {@code text}. */
    private static void appendEscaped(StringBuilder out, String text) {
        out.append(Entities.escape(text));
    }
}
