package glossa.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import glossa.TwoEssays;
import glossa.WebClient;
import glossa.editing.CliAccess;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Atom feeds parse as Atom 1.0 with ROME, link absolutely to the configured address, and never carry a hidden or deleted note. */
class FeedsIT {

    private static final String BASE = "http://glossa.example/wiki";
    private TwoEssays site;

    @BeforeEach
    void start() {
        site = TwoEssays.start(BASE);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Feed parse(String path) throws Exception {
        HttpResponse<String> res = site.app.get(path);
        assertEquals(200, res.statusCode(), path + ": " + res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), path);
        WireFeedInput input = new WireFeedInput();
        Feed feed = (Feed) input.build(new StringReader(res.body()));
        assertEquals("atom_1.0", feed.getFeedType(), path);
        assertEquals(BASE + path, feed.getId(), path + " is its own id");
        assertNotNull(feed.getUpdated(), path + " has updated");
        for (Entry e : feed.getEntries()) {
            assertTrue(e.getId().startsWith(BASE + "/"), e.getId());
            assertNotNull(e.getUpdated(), e.getId());
            assertFalse(e.getAuthors().isEmpty(), e.getId() + " has an author");
            for (Link l : e.getAlternateLinks()) {
                assertTrue(l.getHref().startsWith(BASE + "/"), "absolute link: " + l.getHref());
            }
        }
        assertEquals(
                feed.getEntries().stream().map(Entry::getId).distinct().count(),
                feed.getEntries().size(),
                "entry ids are unique");
        return feed;
    }

    private static List<String> titles(Feed feed) {
        return feed.getEntries().stream().map(Entry::getTitle).toList();
    }

    @Test
    void siteEssayAndClaimFeedsAreValidAtomWithAbsoluteLinks() throws Exception {
        WebClient anna = site.user("Anna");
        WebClient vera = site.user("Vera");
        CliAccess.run(site.app.dbUrl(), "user", "role", "Vera", "moderator");
        long note = TwoEssays.note(anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "On the verdicts.", "law");
        TwoEssays.reply(vera, note, "Agreed, a reply.");
        long hidden =
                TwoEssays.note(anna, TwoEssays.TRIALS, "confessed in open court", "Secret words of a hidden note.", "");
        assertEquals(
                303,
                vera.submit("/annotations/" + hidden, "/annotations/" + hidden + "/hide", Map.of())
                        .statusCode());
        long deleted =
                TwoEssays.note(anna, TwoEssays.EXILE, "murdered while in exile", "Secret words of a deleted note.", "");
        assertEquals(
                303,
                anna.submit("/annotations/" + deleted + "/delete", "/annotations/" + deleted + "/delete", Map.of())
                        .statusCode());
        assertEquals(
                303,
                vera.submit(
                                "/claims/new",
                                "/claims",
                                Map.of("title", "The trials were staged", "description", "They were.", "summary", ""))
                        .statusCode());

        Feed all = parse("/changes/feed.atom");
        assertTrue(
                titles(all).contains("Note on \u201ccondemned the old Bolsheviks\u201d"),
                titles(all).toString());
        assertTrue(
                titles(all).contains("Reply on \u201ccondemned the old Bolsheviks\u201d"),
                titles(all).toString());
        assertTrue(
                titles(all).contains("New claim \u201cThe trials were staged\u201d"),
                titles(all).toString());
        Entry noteEntry = all.getEntries().stream()
                .filter(e -> e.getTitle().startsWith("Note on"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                BASE + "/annotations/" + note,
                noteEntry.getAlternateLinks().get(0).getHref());
        assertEquals("On the verdicts.", noteEntry.getSummary().getValue());
        assertEquals("Anna", noteEntry.getAuthors().get(0).getName());

        Feed essay = parse("/essays/" + TwoEssays.TRIALS + "/feed.atom");
        assertEquals(
                List.of(
                        "Reply on \u201ccondemned the old Bolsheviks\u201d",
                        "Note on \u201ccondemned the old Bolsheviks\u201d",
                        "Added \u201cThe trials\u201d"),
                titles(essay),
                "its notes and revisions, newest first; the hidden note not among them");
        Feed claim = parse("/claims/the-trials-were-staged/feed.atom");
        assertEquals(List.of("New claim \u201cThe trials were staged\u201d"), titles(claim));

        for (String path :
                List.of("/changes/feed.atom", "/essays/the-trials/feed.atom", "/essays/the-exile/feed.atom")) {
            String xml = site.app.get(path).body();
            assertFalse(xml.contains("Secret words"), path + " leaks a hidden or deleted note");
        }
        assertEquals(404, site.app.get("/essays/no-such/feed.atom").statusCode());
        assertEquals(404, site.app.get("/claims/no-such/feed.atom").statusCode());
    }

    @Test
    void pagesAdvertiseTheirFeedsInTheHead() {
        WebClient vera = site.user("Vera");
        assertEquals(
                303,
                vera.submit("/claims/new", "/claims", Map.of("title", "A claim", "description", "d", "summary", ""))
                        .statusCode());
        Map<String, String> pages = Map.of(
                "/",
                "/changes/feed.atom",
                "/changes",
                "/changes/feed.atom",
                "/essays/the-trials",
                "/essays/the-trials/feed.atom",
                "/claims/a-claim",
                "/claims/a-claim/feed.atom");
        for (Map.Entry<String, String> p : pages.entrySet()) {
            Document page = Jsoup.parse(site.app.get(p.getKey()).body());
            assertEquals(
                    List.of(p.getValue()),
                    page.select("head link[rel=alternate][type=application/atom+xml]")
                            .eachAttr("href"),
                    p.getKey());
        }
        assertTrue(
                Jsoup.parse(site.app.get("/claims").body())
                        .select("head link[rel=alternate]")
                        .isEmpty(),
                "only pages with a feed");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Feed exile = parse("/essays/" + TwoEssays.EXILE + "/feed.atom");
        assertEquals(1, exile.getEntries().size(), "its import");
    }
}
