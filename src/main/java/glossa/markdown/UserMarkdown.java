package glossa.markdown;

import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one place where Markdown written by readers (notes, replies, claim pages) becomes HTML.
 * Flexmark escapes any raw HTML; the OWASP sanitizer then keeps only an allow-list of elements, so
 * no script, event handler or javascript: URL can reach a page; links get rel="nofollow ugc noopener".
 */
public final class UserMarkdown {

    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TypographicExtension.create()))
            .set(HtmlRenderer.ESCAPE_HTML, true)
            .set(HtmlRenderer.SUPPRESS_HTML, false)
            .toImmutable();

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "em",
                    "strong",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "hr",
                    "del",
                    "sup",
                    "sub",
                    "h3",
                    "h4")
            .allowAttributes("href")
            .onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private final Parser parser = Parser.builder(OPTIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder(OPTIONS).build();

    public String toHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
