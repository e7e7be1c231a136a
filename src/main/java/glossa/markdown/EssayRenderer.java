package glossa.markdown;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import glossa.anchoring.CanonicalText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a corpus essay's Markdown into the HTML of a reading page, once per revision.
 *
 * <p>Flexmark renders; jsoup then gives every block a stable id, adds heading anchors, marks footnote
 * numbers and back-links as not part of the text ({@code data-nontext}), tags quotation attributions,
 * and reduces whitespace between blocks to one newline so that the server's and the browser's DOM
 * agree text node for text node. The canonical text is computed from the re-parsed result.
 *
 * <p>Corpus files are trusted editorial input (they live in the repository), so raw HTML in them is
 * kept; reader-written Markdown goes through a different, sanitizing pipeline.
 */
public final class EssayRenderer {

    /** Flexmark options for essays, in one place. */
    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(FootnoteExtension.create(), TablesExtension.create(),
                    TypographicExtension.create(), YamlFrontMatterExtension.create()))
            .set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u21A9\uFE0E")
            .toImmutable();

    private static final Set<String> BLOCK_CONTAINERS =
            Set.of("div", "blockquote", "ol", "ul", "li", "section", "table", "thead", "tbody", "tr");

    private final Parser parser = Parser.builder(OPTIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS).build();

    public RenderedEssay render(String markdown) {
        String raw = renderer.render(parser.parse(markdown));
        Document doc = Jsoup.parseBodyFragment(raw);
        doc.outputSettings().prettyPrint(false);
        Element root = doc.body();
        markFootnotes(root);
        tagAttributions(root);
        addHeadingAnchors(root);
        numberParagraphs(root);
        normaliseBlockWhitespace(root);
        String html = root.html();
        // Re-parse what will actually be served, so offsets are computed on the tree a browser builds.
        Document served = Jsoup.parseBodyFragment(html);
        served.outputSettings().prettyPrint(false);
        return new RenderedEssay(html, CanonicalTextExtractor.extract(served.body()));
    }

    private static void markFootnotes(Element root) {
        for (Element ref : root.select("sup[id^=fnref-], sup.note-missing")) {
            ref.attr(CanonicalText.NONTEXT_ATTRIBUTE, "");
        }
        for (Element back : root.select("a.footnote-backref")) {
            back.attr(CanonicalText.NONTEXT_ATTRIBUTE, "").attr("aria-label", "Back to the text");
        }
        for (Element notes : root.select("div.footnotes")) {
            notes.tagName("section").attr("aria-label", "Notes");
            notes.select("> hr").remove();
            notes.prependElement("h2").addClass("notes-heading").attr(CanonicalText.NONTEXT_ATTRIBUTE, "").text("Notes");
        }
    }

    /** A block quote's last paragraph that starts with a dash names its source. */
    private static void tagAttributions(Element root) {
        for (Element quote : root.select("blockquote")) {
            Element last = quote.children().last();
            if (last != null && last.tagName().equals("p") && last.text().startsWith("\u2014")) {
                last.addClass("attribution");
            }
        }
    }

    private static void addHeadingAnchors(Element root) {
        Set<String> used = new HashSet<>();
        for (Element h : root.select("h1, h2, h3, h4, h5, h6")) {
            if (h.hasClass("notes-heading")) {
                continue;
            }
            String id = unique(slugify(h.text()), used);
            h.id(id);
            h.appendElement("a").addClass("heading-anchor").attr("href", "#" + id)
                    .attr("aria-label", "Link to this section").attr(CanonicalText.NONTEXT_ATTRIBUTE, "").text("#");
        }
    }

    /** Every paragraph gets an id by its place in the essay: p1, p2, ... */
    private static void numberParagraphs(Element root) {
        int n = 0;
        for (Element p : root.select("p")) {
            if (p.closest("section.footnotes") == null) {
                p.id("p" + (++n));
            }
        }
    }

    private static void normaliseBlockWhitespace(Element root) {
        for (Element e : root.getAllElements()) {
            if (!BLOCK_CONTAINERS.contains(e.tagName()) && e != root) {
                continue;
            }
            for (Node child : List.copyOf(e.childNodes())) {
                if (child instanceof TextNode t && t.isBlank()) {
                    t.text("\n");
                }
            }
        }
    }

    static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private static String unique(String base, Set<String> used) {
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }
}
