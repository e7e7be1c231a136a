package glossa.essays;

import glossa.anchoring.CanonicalText;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An essay revision's HTML cut once into top-level blocks, and each block into markup and canonical
 * text runs, so that a page view only splices {@code <mark>} tags into the text runs: no parsing
 * ({@link EssayTemplates} keeps one per revision).
 * A block is one top-level element with the whitespace that follows it; notes are placed after the
 * block holding the start of their passage.
 */
public final class EssayTemplate {

    /** A piece of a block: either markup to copy, or a run of canonical text with its offsets. */
    public sealed interface Part permits Markup, Text {}

    /** Markup copied as it is. */
    public record Markup(String html) implements Part {}

    /** A text node's content, unescaped; {@code start}/{@code end} in code points of the canonical text. */
    public record Text(int start, int end, String text) implements Part {}

    /** One top-level block: its element id (may be empty), its text span, its parts. */
    public record Block(String id, int start, int end, List<Part> parts) {}

    private final List<Block> blocks;
    private final int length;

    private EssayTemplate(List<Block> blocks, int length) {
        this.blocks = List.copyOf(blocks);
        this.length = length;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Length of the canonical text the template covers, in code points. */
    public int length() {
        return length;
    }

    public static EssayTemplate of(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        List<Block> blocks = new ArrayList<>();
        int[] offset = {0};
        List<Part> current = null;
        String currentId = "";
        int currentStart = 0;
        for (Node child : doc.body().childNodes()) {
            boolean startsBlock = child instanceof Element || current == null;
            if (startsBlock) {
                if (current != null) {
                    blocks.add(new Block(currentId, currentStart, offset[0], current));
                }
                current = new ArrayList<>();
                currentId = child instanceof Element e ? blockId(e) : "";
                currentStart = offset[0];
            }
            cut(child, current, offset);
        }
        if (current != null) {
            blocks.add(new Block(currentId, currentStart, offset[0], current));
        }
        return new EssayTemplate(blocks, offset[0]);
    }

    /**
     * A block's id: its own, or (for a quotation or a list, whose paragraphs carry the ids) that of the
     * first element inside with one, so every block of text gets its own Annotate control.
     */
    private static String blockId(Element e) {
        if (!e.id().isEmpty()) {
            return e.id();
        }
        Element inner = e.selectFirst("[id]");
        return inner == null || inner.hasAttr(CanonicalText.NONTEXT_ATTRIBUTE) ? "" : inner.id();
    }

    private static void cut(Node node, List<Part> parts, int[] offset) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText();
            int len = text.codePointCount(0, text.length());
            parts.add(new Text(offset[0], offset[0] + len, text));
            offset[0] += len;
        } else if (node instanceof Element e) {
            if (e.hasAttr(CanonicalText.NONTEXT_ATTRIBUTE)) {
                parts.add(new Markup(e.outerHtml()));
                return;
            }
            parts.add(new Markup("<" + e.tagName() + e.attributes().html() + ">"));
            for (Node child : e.childNodes()) {
                cut(child, parts, offset);
            }
            if (!e.tag().isSelfClosing() && !e.tag().isEmpty()) {
                parts.add(new Markup("</" + e.tagName() + ">"));
            }
        } else {
            parts.add(new Markup(node.outerHtml()));
        }
    }
}
