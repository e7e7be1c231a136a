package glossa.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.anchoring.CanonicalText;
import glossa.anchoring.TextSegment;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class EssayRendererTest {

    private final EssayRenderer renderer = new EssayRenderer();

    private static final String ESSAY = """
            ---
            slug: s
            title: T
            ---

            ## A heading

            The Soviet Union collapsed on 25 December 1991.[^1] Yet *Stalinism* lives on.[^1]

            > Quoted words, with a [link](http://example.org).
            >
            > — Alexandra Kollontai, “Who Needs the War?”

            Missing note here.<sup class="note-missing">3</sup> End.

            [^1]: Thanks to friends.
            """;

    @Test
    void footnoteReferencesLinkToTheirNoteAndBack() {
        Element root = Jsoup.parseBodyFragment(renderer.render(ESSAY).html()).body();
        Element ref = root.selectFirst("sup#fnref-1 a.footnote-ref");
        assertNotNull(ref);
        assertEquals("#fn-1", ref.attr("href"));
        Element note = root.selectFirst("section.footnotes li#fn-1");
        assertNotNull(note);
        assertEquals("#fnref-1", note.selectFirst("a.footnote-backref").attr("href"));
        assertNotNull(root.selectFirst("a.footnote-backref[href=#fnref-1-1]"), "second reference has its own way back");
    }

    @Test
    void everyParagraphHasAStableIdAndHeadingsHaveAnchors() {
        Element root = Jsoup.parseBodyFragment(renderer.render(ESSAY).html()).body();
        assertEquals("p1", root.select("p").first().id());
        for (Element p : root.select("p")) {
            if (p.closest("section.footnotes") == null) {
                assertTrue(p.id().matches("p\\d+"), p.outerHtml());
            }
        }
        Element h = root.selectFirst("h2#a-heading");
        assertNotNull(h);
        assertEquals("#a-heading", h.selectFirst("a.heading-anchor").attr("href"));
        assertTrue(root.selectFirst("blockquote p.attribution").text().startsWith("—"));
    }

    @Test
    void canonicalTextLeavesOutNumbersControlsAndNoteHeadingsButKeepsNoteText() {
        String text = renderer.render(ESSAY).canonicalText().text();
        assertTrue(text.contains("25 December 1991. Yet Stalinism lives on."), text);
        assertTrue(text.contains("Missing note here. End."), text);
        assertTrue(text.contains("Thanks to friends."), "footnote text is part of the essay");
        assertFalse(text.contains("#"), "heading anchors are controls");
        assertFalse(text.contains("↩"), "back-links are controls");
        assertFalse(text.contains("Notes"), "the notes heading is ours, not the author's");
        assertTrue(text.contains("A heading\n"), "blocks are separated by one newline");
        assertFalse(text.contains("\n\n"), "whitespace between blocks is reduced to one newline");
    }

    @Test
    void quotesAndDashesAreServedAsTheAuthorTypedThem() {
        String text = renderer.render(
                        "---\nslug: s\ntitle: T\n---\nThey said \"don't\" -- and \u201cwon\u2019t\u201d --- ever...\n")
                .canonicalText()
                .text();
        assertEquals("They said \"don't\" -- and \u201cwon\u2019t\u201d --- ever...", text);
    }

    @Test
    void offsetMapPointsEachSegmentAtATextNodeHoldingExactlyItsSlice() {
        RenderedEssay rendered = renderer.render(ESSAY + "\nAn emoji 👩🏽‍🔬 and e\u0301 combining.\n");
        CanonicalText canonical = rendered.canonicalText();
        Element root = Jsoup.parseBodyFragment(rendered.html()).body();
        for (TextSegment s : canonical.segments()) {
            Node node = root;
            for (String index : s.path().split("/")) {
                node = node.childNode(Integer.parseInt(index));
            }
            assertTrue(node instanceof TextNode, s.path());
            assertEquals(((TextNode) node).getWholeText(), canonical.slice(s.start(), s.end()));
        }
        String text = canonical.text();
        assertEquals(text.codePointCount(0, text.length()), canonical.length());
        int at = text.indexOf("👩");
        int cp = text.codePointCount(0, at);
        assertEquals("👩🏽", canonical.slice(cp, cp + 2), "offsets count code points, not UTF-16 units");
    }

    @Test
    void notesKeepTheNumbersTheSourceGaveThemEvenWithGaps() {
        RenderedEssay r =
                renderer.render("---\nslug: s\ntitle: T\n---\nA.[^1] B.[^4] C.[^4]\n\n[^1]: One.\n\n[^4]: Four.\n");
        Element root = Jsoup.parseBodyFragment(r.html()).body();
        assertEquals(
                java.util.List.of("1", "4", "4"), root.select("a.footnote-ref").eachText());
        assertEquals("#fn-4", root.select("a.footnote-ref").get(1).attr("href"));
        Element four = root.selectFirst("li#fn-4");
        assertEquals("4", four.attr("value"), "the list shows the source's number");
        assertEquals(2, four.select("a.footnote-backref").size());
        assertNotNull(root.selectFirst("sup#fnref-4-1"));
    }

    @Test
    void wordCountCountsWordsNotPunctuation() {
        RenderedEssay r = renderer.render("---\nslug: s\ntitle: T\n---\nIt’s a well-made, short text — five words?\n");
        assertEquals(7, r.wordCount());
    }
}
