package glossa.search;

import glossa.markdown.CanonicalTextExtractor;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** Splits an essay revision's HTML into its numbered paragraphs, each with the heading it falls under. */
final class Paragraphs {

    /**
     * One paragraph of an essay.
     *
     * @param id the paragraph's element id, {@code p12}, which the reading page links to
     * @param text its canonical text (what annotations anchor to), so a sentence of it can be quoted verbatim
     */
    record Paragraph(String id, String heading, String text) {}

    private Paragraphs() {}

    static List<Paragraph> of(String html) {
        Element root = Jsoup.parseBodyFragment(html).body();
        List<Paragraph> out = new ArrayList<>();
        String heading = null;
        for (Element e : root.select("h1, h2, h3, h4, h5, h6, p[id]")) {
            if (e.tagName().equals("p")) {
                String text = CanonicalTextExtractor.extract(e).text().strip();
                if (!text.isEmpty()) {
                    out.add(new Paragraph(e.id(), heading, text));
                }
            } else if (!e.hasClass("notes-heading")) {
                heading = CanonicalTextExtractor.extract(e).text().strip();
            }
        }
        return out;
    }
}
