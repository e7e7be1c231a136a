package glossa.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserMarkdownTest {

    private final UserMarkdown markdown = new UserMarkdown();

    @Test
    void rendersEverydayMarkdown() {
        String html = markdown.toHtml("A *note* with **bold** and `code`.\n\n> quoted\n\n- one\n- two");
        assertTrue(html.contains("<em>note</em>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
    }

    @Test
    void scriptsAndEventHandlersNeverSurvive() {
        for (String attack : new String[] {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"#\" onclick=\"alert(1)\">x</a>",
            "<iframe src=//evil></iframe>",
            "<svg onload=alert(1)>"
        }) {
            String html = markdown.toHtml(attack);
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("onerror=") || html.contains("onclick=") || html.contains("onload="), html);
            assertFalse(html.contains("<iframe") || html.contains("<img") || html.contains("<svg"), html);
        }
    }

    @Test
    void javascriptUrlsAreDropped() {
        String html = markdown.toHtml("[click](javascript:alert(1)) and [data](data:text/html,hi)");
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("data:"), html);
    }

    @Test
    void linksAreMarkedAsUserContent() {
        String html = markdown.toHtml("[source](https://example.org/page)");
        assertTrue(html.contains("href=\"https://example.org/page\""), html);
        assertTrue(html.contains("rel=\"nofollow ugc noopener\""), html);
    }

    @Test
    void plainTextStaysText() {
        assertEquals(
                "<p>1 &lt; 2 &amp; 3</p>\n".strip(),
                markdown.toHtml("1 < 2 & 3").strip());
    }
}
