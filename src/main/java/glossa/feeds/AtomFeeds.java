package glossa.feeds;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import glossa.changes.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/** Changes as an Atom 1.0 document, through ROME. Every text is plain (never HTML) and every link absolute. */
final class AtomFeeds {

    static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";
    /** Characters XML 1.0 cannot carry at all; a note may hold some, a feed must not. */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private static final int SHORT = 140;

    /** What a feed is about: its title, its own address and the page it follows (site-relative paths). */
    record About(String title, String selfPath, String pagePath) {}

    private AtomFeeds() {}

    /**
     * @param base the site's address without a trailing slash
     * @param since when there are no entries, the feed's updated time (e.g. the essay's import)
     */
    static String write(String base, About about, List<Change> changes, Instant since) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + about.selfPath());
        feed.setTitle(xml(about.title()));
        feed.setUpdated(Date.from(changes.isEmpty() ? since : changes.get(0).at()));
        feed.setAlternateLinks(List.of(link(base + about.pagePath(), "alternate", "text/html")));
        feed.setOtherLinks(List.of(link(base + about.selfPath(), "self", "application/atom+xml")));
        feed.setAuthors(List.of(person("Glossa")));
        List<Entry> entries = new ArrayList<>();
        for (Change c : changes) {
            entries.add(entry(base, c));
        }
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
    }

    private static Entry entry(String base, Change c) {
        Entry e = new Entry();
        e.setId(base + c.key());
        e.setTitle(xml(title(c)));
        e.setUpdated(Date.from(c.at()));
        e.setPublished(Date.from(c.at()));
        e.setAlternateLinks(List.of(link(base + c.href(), "alternate", "text/html")));
        e.setAuthors(List.<SyndPerson>of(person(c.whoLabel())));
        if (!c.detail().isEmpty()) {
            Content summary = new Content();
            summary.setType(Content.TEXT);
            summary.setValue(xml(c.detail()));
            e.setSummary(summary);
        }
        return e;
    }

    /** "Note on “the words”", "Revision 3 of “Title”": what happened, in a line. */
    static String title(Change c) {
        String what = "\u201c" + c.title() + "\u201d";
        return switch (c.kind()) {
            case "essay" -> (c.number() <= 1 ? "Added " : "Revision " + c.number() + " of ") + what;
            case "claim" -> (c.number() <= 1 ? "New claim " : "Revision " + c.number() + " of the claim ") + what;
            case "note" -> "Note on " + what;
            case "reply" -> "Reply on " + what;
            case "link" -> "Link from " + what;
            case "passage" -> "Passage gathered: " + what;
            default -> c.kind() + " " + what;
        };
    }

    private static Link link(String href, String rel, String type) {
        Link l = new Link();
        l.setHref(href);
        l.setRel(rel);
        l.setType(type);
        return l;
    }

    private static Person person(String name) {
        Person p = new Person();
        p.setName(xml(name));
        return p;
    }

    static String xml(String s) {
        return s == null ? "" : NOT_XML.matcher(s).replaceAll("\uFFFD");
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= SHORT ? one : one.substring(0, SHORT - 1) + "\u2026";
    }
}
