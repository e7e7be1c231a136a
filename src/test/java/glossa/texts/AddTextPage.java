package glossa.texts;

/** A saved web page as sites serve them: the article amid navigation, share buttons and a newsletter box. */
public final class AddTextPage {

    public static final String SAMPLE = "<!DOCTYPE html><html><head><title>The Long Shadow | Example Weekly</title>"
            + "<meta property=\"og:title\" content=\"The Long Shadow\"><meta name=\"author\" content=\"Ann Writer\">"
            + "<meta property=\"og:site_name\" content=\"Example Weekly\"><link rel=\"canonical\" href=\"https://example.org/long-shadow\">"
            + "<meta property=\"article:published_time\" content=\"2021-11-05T10:00:00Z\"></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
            + "<article><h1>The Long Shadow</h1><div class=\"share-buttons\">Share on Twitter</div>"
            + "<p>The first paragraph says \"plainly\" what it means -- and it's verbatim.</p>"
            + "<p>The second paragraph has <em>emphasis</em> and a <a href=\"https://example.org/x\">link</a>, and it runs on for a while "
            + "so that the article is clearly the main content of this page, longer than any navigation.</p>"
            + "<p><a href=\"/more\">Read more</a></p><aside>Subscribe to our newsletter</aside></article>"
            + "<footer>Copyright Example Weekly</footer></body></html>";

    private AddTextPage() {}
}
