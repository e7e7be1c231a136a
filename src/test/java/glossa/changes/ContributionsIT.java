package glossa.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TwoEssays;
import glossa.WebClient;
import glossa.accounts.AccountsAccess;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's page lists their notes, replies and links, newest first, in pages, and nothing deleted. */
class ContributionsIT {

    private TwoEssays site;

    @BeforeEach
    void start() {
        site = TwoEssays.start(null);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void notesRepliesAndLinksAreListedWithLinks() {
        WebClient anna = site.user("Anna");
        WebClient boris = site.user("Boris");
        long borisNote = TwoEssays.note(boris, TwoEssays.TRIALS, "confessed in open court", "Boris's note.", "");
        long note = TwoEssays.note(anna, TwoEssays.EXILE, "murdered while in exile", "Anna's note.", "");
        long reply = TwoEssays.reply(anna, borisNote, "Anna's reply.");
        TwoEssays.link(anna, note, TwoEssays.TRIALS, "the old Bolsheviks", "Anna's link.");
        long gone = TwoEssays.note(anna, TwoEssays.TRIALS, "show trials", "Deleted words.", "");
        assertEquals(
                303,
                anna.submit("/annotations/" + gone + "/delete", "/annotations/" + gone + "/delete", Map.of())
                        .statusCode());

        Document page = Jsoup.parse(site.app.get("/users/Anna").body());
        assertEquals(
                List.of("link", "reply", "note"),
                page.select(".contribution .change-kind").eachText());
        assertEquals(
                "/annotations/" + borisNote + "#a-" + reply,
                page.select(".contribution-reply blockquote a").attr("href"));
        assertEquals(
                "/annotations/" + note,
                page.select(".contribution-note blockquote a").attr("href"));
        assertTrue(page.select(".authored").text().contains("murdered while in exile"), "the note's passage");
        assertFalse(page.text().contains("Deleted words"));
        assertFalse(page.text().contains("Boris's note"), "only Anna's");
    }

    @Test
    void contributionsComeInPages() {
        WebClient anna = site.user("Anna");
        for (int i = 0; i < AccountsAccess.contributionsPage() + 1; i++) {
            TwoEssays.note(anna, TwoEssays.TRIALS, "condemned", "Note " + i, "");
        }
        Document first = Jsoup.parse(site.app.get("/users/Anna").body());
        assertEquals(
                AccountsAccess.contributionsPage(),
                first.select(".contribution").size());
        assertEquals("/users/Anna?page=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = Jsoup.parse(site.app.get("/users/Anna?page=2").body());
        assertEquals(List.of("Note 0"), second.select(".contribution-text").eachText());
        assertTrue(second.selectFirst("a[rel=prev]") != null && second.selectFirst("a[rel=next]") == null);
        assertEquals(200, site.app.get("/users/Anna?page=%00").statusCode());
    }
}
