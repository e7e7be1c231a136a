package glossa.texts;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A saved web page as Markdown. jsoup picks the main content (the article, else the main element,
 * else the body), drops what sites put around a text (navigation, share buttons, "read more",
 * newsletters, related links), and keeps the dropped words as debris for the editor to look over.
 * flexmark's converter writes the rest as Markdown, with the page's own quote marks and dashes.
 */
final class HtmlPage {

    /** Converter options: no typographic rewriting, so the text keeps its characters. */
    private static final DataHolder OPTIONS = new MutableDataSet()
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
            .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .toImmutable();

    /** Elements that are never the text. */
    private static final String FURNITURE =
            "nav, header, footer, aside, form, button, script, style, noscript, iframe, svg,"
                    + " template, [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary]";
    /** Class or id words of site furniture. */
    private static final Pattern FURNITURE_NAME = Pattern.compile(
            "(?i)(^|[\\s_-])(share|sharing|social|related|recommended|newsletter|subscribe|subscription|comments?|advert\\w*|ads?|promo|"
                    + "read-?more|breadcrumbs?|sidebar|menu|cookie|popup|signup|tags|author-bio)([\\s_-]|$)");
    /** Short texts that are site furniture wherever they stand. */
    private static final Pattern FURNITURE_TEXT = Pattern.compile(
            "(?i)(read more|continue reading|share( this( article| post)?)?|tweet|email|print|subscribe( now)?|skip to (main )?content"
                    + "|scroll to continue|recommended( articles)?|related( articles| posts)?|advertisement|sign up.*newsletter.*)[.:!\u2026]*");

    private HtmlPage() {}

    static Converted convert(String html) {
        Document doc = Jsoup.parse(html);
        TextFields fields = metadata(doc);
        Element main = mainContent(doc);
        Set<String> debris = new LinkedHashSet<>();
        for (Element e : main.select(FURNITURE)) {
            if (e.parent() != null) {
                note(debris, e);
                e.remove();
            }
        }
        for (Element e : main.select("[class], [id]")) {
            if (e.parent() != null
                    && e != main
                    && (FURNITURE_NAME.matcher(e.className()).find()
                            || FURNITURE_NAME.matcher(e.id()).find())) {
                note(debris, e);
                e.remove();
            }
        }
        for (Element e : main.select("p, a, div, span, li, h2, h3, h4, h5, h6")) {
            if (e.parent() != null
                    && e != main
                    && FURNITURE_TEXT.matcher(e.text().strip()).matches()) {
                note(debris, e);
                e.remove();
            }
        }
        Element h1 = main.selectFirst("h1");
        if (h1 != null && h1.text().strip().equals(fields.get("title"))) {
            h1.remove(); // the title is a field of its own
        }
        String markdown = FlexmarkHtmlConverter.builder(OPTIONS).build().convert(main.html());
        return new Converted(markdown.strip() + "\n", fields, new ArrayList<>(debris));
    }

    private static void note(Set<String> debris, Element e) {
        if (e.is("script, style, noscript, template, svg")) {
            return;
        }
        String text = e.text().strip();
        if (!text.isEmpty()) {
            debris.add(text.length() > 300 ? text.substring(0, 297) + "\u2026" : text);
        }
    }

    private static Element mainContent(Document doc) {
        for (String query : List.of("article", "main", "[role=main]", "#content", ".post-content", ".entry-content")) {
            Element e = doc.selectFirst(query);
            if (e != null && e.text().length() > 200) {
                return e;
            }
        }
        return doc.body();
    }

    private static TextFields metadata(Document doc) {
        TextFields f = new TextFields();
        f.put(
                "title",
                first(doc.select("meta[property=og:title]").attr("content"), text(doc.selectFirst("h1")), doc.title()));
        f.put(
                "author",
                first(
                        doc.select("meta[name=author]").attr("content"),
                        doc.select("meta[property=article:author]").attr("content")));
        f.put("publication", doc.select("meta[property=og:site_name]").attr("content"));
        String date = doc.select("meta[property=article:published_time]").attr("content");
        if (date.isEmpty()) {
            date = doc.select("time[datetime]").attr("datetime");
        }
        f.put("date", date.matches("\\d{4}-\\d{2}-\\d{2}.*") ? date.substring(0, 10) : "");
        String url = first(
                doc.select("link[rel=canonical]").attr("href"),
                doc.select("meta[property=og:url]").attr("content"));
        f.put("source_url", url.matches("https?://\\S+") ? url : "");
        return f;
    }

    private static String text(Element e) {
        return e == null ? "" : e.text();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "";
    }
}
