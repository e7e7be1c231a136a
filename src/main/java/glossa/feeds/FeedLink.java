package glossa.feeds;

/** A feed as a page's head advertises it: {@code <link rel="alternate" type="application/atom+xml">}. */
public record FeedLink(String title, String href) {}
