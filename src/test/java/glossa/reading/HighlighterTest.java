package glossa.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.anchoring.CanonicalText;
import glossa.essays.EssayTemplate;
import glossa.markdown.CanonicalTextExtractor;
import glossa.markdown.EssayRenderer;
import glossa.markdown.RenderedEssay;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static final String ESSAY =
            "---\nslug: s\ntitle: T\n---\n\nThe *first* paragraph has [a link](http://x.org) inside.[^1]\n\n"
                    + "> A quoted paragraph.\n\nThe last paragraph.\n\n[^1]: A footnote with words.\n";

    private final RenderedEssay rendered = new EssayRenderer().render(ESSAY);
    private final EssayTemplate template = EssayTemplate.of(rendered.html());
    private final String text = rendered.canonicalText().text();

    private Highlighter.Span span(String words, long id) {
        int at = text.indexOf(words);
        return new Highlighter.Span(text.codePointCount(0, at), text.codePointCount(0, at + words.length()), id, "");
    }

    private Element render(Highlighter.Span... spans) {
        StringBuilder html = new StringBuilder();
        for (EssayTemplate.Block b : template.blocks()) {
            html.append(Highlighter.render(b, List.of(spans)));
        }
        return Jsoup.parseBodyFragment(html.toString()).body();
    }

    private static String marked(Element root, long id) {
        StringBuilder s = new StringBuilder();
        for (Element m : root.select("mark[data-a~=\\b" + id + "\\b]")) {
            s.append(m.wholeText());
        }
        return s.toString();
    }

    @Test
    void theTemplateCoversTheCanonicalTextExactly() {
        assertEquals(rendered.canonicalText().length(), template.length());
        StringBuilder joined = new StringBuilder();
        for (EssayTemplate.Block b : template.blocks()) {
            for (EssayTemplate.Part p : b.parts()) {
                if (p instanceof EssayTemplate.Text t) {
                    joined.append(t.text());
                }
            }
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void aPassageAcrossEmphasisLinksAndParagraphsBecomesSeveralMarks() {
        Element root = render(span("first paragraph has a link inside.\nA quoted", 7));
        Elements marks = root.select("mark[data-a=7]");
        assertTrue(marks.size() >= 4, "one mark per text run: " + marks.size());
        assertEquals("first paragraph has a link inside.\nA quoted", marked(root, 7));
        assertTrue(root.selectFirst("em mark[data-a=7]") != null, "inside the emphasis");
        assertTrue(root.selectFirst("a mark[data-a=7]") != null, "inside the link");
        assertTrue(root.selectFirst("blockquote mark[data-a=7]") != null, "into the quotation");
    }

    @Test
    void overlappingAndNestedPassagesBothRender() {
        Element root = render(span("paragraph has a link", 1), span("has a", 2), span("a link inside", 3));
        assertEquals("paragraph has a link", marked(root, 1));
        assertEquals("has a", marked(root, 2));
        assertEquals("a link inside", marked(root, 3));
        assertTrue(root.select("mark.hl-overlap").size() > 0);
        assertTrue(root.selectFirst("mark[data-a=1 2 3]") != null, "where all three overlap one mark names all");
    }

    @Test
    void passagesInsideFootnotesRenderAndMarksNeverChangeTheText() {
        Element root = render(span("footnote with", 9), span("The last", 4));
        assertEquals("footnote with", marked(root, 9));
        assertTrue(root.selectFirst("section.footnotes mark[data-a=9]") != null);
        CanonicalText after = CanonicalTextExtractor.extract(root);
        assertEquals(text, after.text(), "marks are text: the canonical text is unchanged");
    }

    @Test
    void textIsEscaped() {
        RenderedEssay r =
                new EssayRenderer().render("---\nslug: s\ntitle: T\n---\n\nA &lt;script&gt; tag &amp; more.\n");
        EssayTemplate t = EssayTemplate.of(r.html());
        List<Highlighter.Span> spans = new ArrayList<>();
        int at = r.canonicalText().text().indexOf("<script>");
        spans.add(new Highlighter.Span(at, at + 8, 1, ""));
        String html = Highlighter.render(t.blocks().get(0), spans);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(!html.contains("<script>"), html);
    }
}
