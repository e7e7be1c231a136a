package glossa.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TwoEssays;
import glossa.WebClient;
import glossa.editing.CliAccess;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tag index counts visible notes per tag; a tag's page lists exactly the visible notes carrying it, across essays, in pages. */
class TagsIT {

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
    void aTagPageListsOnlyVisibleNotesWithTheTagAcrossEssays() {
        WebClient anna = site.user("Anna");
        WebClient vera = site.user("Vera");
        CliAccess.run(site.app.dbUrl(), "user", "role", "Vera", "moderator");
        long trials = TwoEssays.note(
                anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "On the verdicts.", "Law, terror");
        long exile = TwoEssays.note(vera, TwoEssays.EXILE, "condemned in absentia", "Judged without him.", "law");
        TwoEssays.note(anna, TwoEssays.EXILE, "murdered while in exile", "Not tagged law.", "murder");
        long hidden = TwoEssays.note(anna, TwoEssays.TRIALS, "confessed in open court", "Hidden words.", "law");
        assertEquals(
                303,
                vera.submit("/annotations/" + hidden, "/annotations/" + hidden + "/hide", Map.of())
                        .statusCode());
        long deleted = TwoEssays.note(anna, TwoEssays.TRIALS, "show trials", "Deleted words.", "law");
        assertEquals(
                303,
                anna.submit("/annotations/" + deleted + "/delete", "/annotations/" + deleted + "/delete", Map.of())
                        .statusCode());

        Document page = Jsoup.parse(site.app.get("/tags/law").body());
        assertEquals(
                List.of("/essays/the-exile#a-" + exile, "/essays/the-trials#a-" + trials),
                page.select(".tagged-note blockquote a").eachAttr("href"),
                "newest first, each linked to its place in its essay");
        assertEquals(
                List.of("The exile", "The trials"),
                page.select(".tagged-where a").eachText());
        assertFalse(page.text().contains("Hidden words")
                || page.text().contains("Deleted words")
                || page.text().contains("Not tagged"));
        assertEquals(
                page.select(".tagged-note").size(),
                Jsoup.parse(site.app.get("/tags/LAW").body())
                        .select(".tagged-note")
                        .size(),
                "tags compare ignoring case");
        assertEquals(404, site.app.get("/tags/nothing-here").statusCode());
        assertEquals(200, site.app.get("/tags/law?page=x%00").statusCode(), "a bad page number is the first page");

        Document index = Jsoup.parse(site.app.get("/tags").body());
        assertEquals(
                List.of("Law 2 notes", "murder 1 note", "terror 1 note"),
                index.select(".tag-index li").eachText());
        assertEquals("/tags/Law", index.selectFirst(".tag-index a").attr("href"));
        assertTrue(
                Jsoup.parse(site.app.get("/").body())
                                .select("header a[href=/tags]")
                                .size()
                        == 1,
                "linked in the header");
    }

    @Test
    void tagsOnCardsAndNotePagesLinkToTheTagPage() {
        WebClient anna = site.user("Anna");
        long id = TwoEssays.note(
                anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "On the verdicts.", "show trial, a/b");
        Document essay = Jsoup.parse(site.app.get("/essays/the-trials").body());
        assertEquals(
                List.of("/tags/show%20trial", "/tags/a%2Fb"),
                essay.select("#a-" + id + " .note-tags a").eachAttr("href"));
        Document note = Jsoup.parse(site.app.get("/annotations/" + id).body());
        assertEquals(
                List.of("/tags/show%20trial", "/tags/a%2Fb"),
                note.select(".note-tags a").eachAttr("href"));
        for (String href : essay.select("#a-" + id + " .note-tags a").eachAttr("href")) {
            assertEquals(
                    1,
                    Jsoup.parse(site.app.get(href).body())
                            .select(".tagged-note")
                            .size(),
                    href + " finds the note");
        }
    }

    @Test
    void tagPagesComeInPages() {
        WebClient anna = site.user("Anna");
        for (int i = 0; i < TagRoutes.PAGE_SIZE + 1; i++) {
            TwoEssays.note(anna, TwoEssays.TRIALS, "condemned", "Note " + i, "many");
        }
        Document first = Jsoup.parse(site.app.get("/tags/many").body());
        assertEquals(TagRoutes.PAGE_SIZE, first.select(".tagged-note").size());
        assertEquals("/tags/many?page=2", first.selectFirst("a[rel=next]").attr("href"));
        Document second = Jsoup.parse(site.app.get("/tags/many?page=2").body());
        assertEquals(List.of("Note 0"), second.select(".tagged-note .note-body").eachText());
        assertTrue(second.selectFirst("a[rel=prev]") != null && second.selectFirst("a[rel=next]") == null);
    }
}
