package glossa.markdown;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import glossa.anchoring.CanonicalText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

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

    /**
     * Flexmark options for essays, in one place. No typographic extension: an essay is served with its
     * author's own characters, straight quotes and {@code --} included, so that readers quote it exactly.
     */
    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(
                    Parser.EXTENSIONS,
                    List.of(FootnoteExtension.create(), TablesExtension.create(), YamlFrontMatterExtension.create()))
            .set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u21A9\uFE0E")
            .toImmutable();

    private static final Set<String> BLOCK_CONTAINERS =
            Set.of("div", "blockquote", "ol", "ul", "li", "section", "table", "thead", "tbody", "tr");

    private final Parser parser = Parser.builder(OPTIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS).build();

    /** Renders a corpus file: trusted editorial input, raw HTML kept. */
    public RenderedEssay render(String markdown) {
        return render(markdown, false);
    }

    /**
     * Renders a text written or uploaded in the browser. Its raw HTML is not trusted: after rendering,
     * only the elements and attributes essays use are kept ({@link #BROWSER_SAFELIST}), before the
     * canonical text is computed, so that offsets are over what is served.
     */
    public RenderedEssay renderUntrusted(String markdown) {
        return render(markdown, true);
    }

    /** What an essay from the browser may contain: Flexmark's output for essays, and our own marks. */
    private static final Safelist BROWSER_SAFELIST = Safelist.relaxed()
            .addTags("section", "hr", "del", "ins", "s", "abbr", "figure", "figcaption")
            .addAttributes(":all", "id", "class", "title", "lang", "dir", "aria-label", CanonicalText.NONTEXT_ATTRIBUTE)
            .addAttributes("li", "value")
            .addProtocols("a", "href", "#")
            .addEnforcedAttribute("a", "rel", "nofollow ugc")
            .preserveRelativeLinks(true);

    private static final String SANITIZE_BASE = "https://essay.invalid/";

    private RenderedEssay render(String markdown, boolean untrusted) {
        com.vladsch.flexmark.util.ast.Document parsed = parser.parse(markdown);
        String raw = renderer.render(parsed);
        Document doc = Jsoup.parseBodyFragment(raw, SANITIZE_BASE);
        if (untrusted) {
            doc = new Cleaner(BROWSER_SAFELIST).clean(doc);
        }
        doc.outputSettings().prettyPrint(false);
        Element root = doc.body();
        useSourceNoteNumbers(root, noteLabels(parsed));
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

    /** Flexmark numbers notes 1, 2, 3 in order of reference; maps each ordinal to the label the author used. */
    private static Map<Integer, String> noteLabels(com.vladsch.flexmark.util.ast.Document parsed) {
        Map<Integer, String> labels = new HashMap<>();
        for (com.vladsch.flexmark.util.ast.Node n : parsed.getDescendants()) {
            if (n instanceof Footnote ref && ref.getFootnoteBlock() != null) {
                labels.putIfAbsent(
                        ref.getFootnoteBlock().getFootnoteOrdinal(),
                        ref.getText().toString());
            }
        }
        return labels;
    }

    /**
     * Sources number their notes, sometimes with gaps (a note lost in publication); readers cite them
     * by those numbers. So references show the source's number, notes keep it as their list value, and
     * ids use it: {@code #fn-4} is the author's note 4 whatever its position.
     */
    private static void useSourceNoteNumbers(Element root, Map<Integer, String> labels) {
        for (Element e : root.select("[id^=fn-], [id^=fnref-], a[href^=#fn-], a[href^=#fnref-]")) {
            if (e.hasAttr("id")) {
                e.id(relabel(e.id(), labels));
            }
            if (e.hasAttr("href")) {
                e.attr("href", "#" + relabel(e.attr("href").substring(1), labels));
            }
        }
        for (Element ref : root.select("a.footnote-ref")) {
            ref.text(ref.attr("href").substring("#fn-".length()));
        }
        for (Element li : root.select("div.footnotes li[id^=fn-]")) {
            String label = li.id().substring("fn-".length());
            if (label.matches("\\d+")) {
                li.attr("value", label);
            }
        }
    }

    /** "fn-3" or "fnref-3-1" with ordinal 3 becomes the same id with ordinal 3's label. */
    private static String relabel(String id, Map<Integer, String> labels) {
        java.util.regex.Matcher m = NOTE_ID.matcher(id);
        if (!m.matches()) {
            return id;
        }
        String label = labels.get(Integer.parseInt(m.group(2)));
        return label == null ? id : m.group(1) + label + (m.group(3) == null ? "" : m.group(3));
    }

    private static final java.util.regex.Pattern NOTE_ID =
            java.util.regex.Pattern.compile("(fn-|fnref-)(\\d+)(-\\d+)?");

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
            notes.prependElement("h2")
                    .addClass("notes-heading")
                    .attr(CanonicalText.NONTEXT_ATTRIBUTE, "")
                    .text("Notes");
            placeNotes(root, notes);
        }
    }

    /**
     * Flexmark puts the notes last. An essay whose source prints something after its notes (a list of
     * references, say) marks where the notes go with a {@code <!-- notes -->} comment.
     */
    private static void placeNotes(Element root, Element notes) {
        List<Comment> markers = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof Comment c && c.getData().strip().equals(NOTES_MARKER)) {
                        markers.add(c);
                    }
                },
                root);
        if (!markers.isEmpty()) {
            notes.remove();
            markers.get(0).after(notes);
        }
        markers.forEach(Node::remove);
    }

    private static final String NOTES_MARKER = "notes";

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
            h.appendElement("a")
                    .addClass("heading-anchor")
                    .attr("href", "#" + id)
                    .attr("aria-label", "Link to this section")
                    .attr(CanonicalText.NONTEXT_ATTRIBUTE, "")
                    .text("#");
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

    /**
     * Whitespace between blocks becomes exactly one newline between two blocks of text, and nothing at
     * the start or end of a container or next to a non-text element, so blocks in the canonical text
     * are separated by a single newline however deeply they nest.
     */
    private static void normaliseBlockWhitespace(Element root) {
        for (Element e : root.getAllElements()) {
            if (!BLOCK_CONTAINERS.contains(e.tagName()) && e != root) {
                continue;
            }
            for (Node child : List.copyOf(e.childNodes())) {
                if (child instanceof TextNode t && t.isBlank()) {
                    if (isText(t.previousElementSibling()) && isText(t.nextElementSibling())) {
                        t.text("\n");
                    } else {
                        t.remove();
                    }
                }
            }
        }
    }

    private static boolean isText(Element e) {
        return e != null && !e.hasAttr(CanonicalText.NONTEXT_ATTRIBUTE);
    }

    /** Lower-case ASCII words joined by hyphens, for ids and addresses; "section" when nothing is left. */
    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
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
