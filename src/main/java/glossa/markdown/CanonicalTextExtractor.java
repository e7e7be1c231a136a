package glossa.markdown;

import glossa.anchoring.CanonicalText;
import glossa.anchoring.TextSegment;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Computes {@link CanonicalText} from a parsed essay root by the one rule it documents. The same rule
 * runs in the browser ({@code static/js/canonical.js}); a browser test holds the two equal.
 */
public final class CanonicalTextExtractor {

    private CanonicalTextExtractor() {}

    public static CanonicalText extract(Element root) {
        StringBuilder text = new StringBuilder();
        List<TextSegment> segments = new ArrayList<>();
        walk(root, "", text, segments, new int[] {0});
        return new CanonicalText(text.toString(), segments);
    }

    private static boolean isMarginCard(Element e) {
        String tag = e.normalName();
        return (tag.equals("aside") || tag.equals("details")) && e.is(CanonicalText.MARGIN_CARDS);
    }

    private static void walk(Node node, String path, StringBuilder text, List<TextSegment> segments, int[] offset) {
        List<Node> children = node.childNodes();
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            String childPath = path.isEmpty() ? Integer.toString(i) : path + "/" + i;
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                if (s.isEmpty()) {
                    continue;
                }
                int len = s.codePointCount(0, s.length());
                segments.add(new TextSegment(offset[0], offset[0] + len, childPath));
                offset[0] += len;
                text.append(s);
            } else if (child instanceof Element e && !e.hasAttr(CanonicalText.NONTEXT_ATTRIBUTE) && !isMarginCard(e)) {
                walk(e, childPath, text, segments, offset);
            }
        }
    }
}
