package glossa.essays;

/**
 * A text added from the form: its metadata fields (empty strings when not given) and Markdown without front matter.
 *
 * @param date YYYY-MM-DD, YYYY-MM or YYYY
 */
public record NewText(String title, String author, String publication, String date, String sourceUrl, String markdown) {

    public NewText {
        title = clean(title);
        author = clean(author);
        publication = clean(publication);
        date = clean(date);
        sourceUrl = clean(sourceUrl);
        markdown = markdown == null ? "" : markdown;
    }

    /** One line, no surrounding space: front matter values are single lines. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The address the title makes: lower-case ASCII words joined by hyphens, at most 80 characters. */
    public String slug() {
        String s = glossa.markdown.EssayRenderer.slugify(title);
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG).replaceAll("-[^-]*$", "");
        }
        return s.equals("section") && !title.toLowerCase(java.util.Locale.ROOT).contains("section") ? "text" : s;
    }

    static final int MAX_SLUG = 80;
}
