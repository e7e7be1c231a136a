package glossa.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TwoEssays;
import glossa.WebClient;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies to a reader's notes and links to their passages count as new in their header, until they open the list. */
class NotificationsIT {

    private TwoEssays site;

    @BeforeEach
    void start() {
        site = TwoEssays.start(null);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The header's count of new notifications; 0 when no count is shown. */
    private static int count(WebClient who) {
        Document page = Jsoup.parse(who.get("/").body());
        assertEquals(1, page.select("header a[href=/notifications]").size(), "the header links the notifications");
        String n = page.select("header a[href=/notifications] .notice-count").text();
        return n.isEmpty() ? 0 : Integer.parseInt(n);
    }

    @Test
    void repliesAndLinksCountForTheNotesAuthorOnlyUntilViewed() {
        WebClient anna = site.user("Anna");
        WebClient boris = site.user("Boris");
        WebClient carl = site.user("Carl");
        long annas = TwoEssays.note(anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "Anna's note.", "");
        TwoEssays.note(carl, TwoEssays.TRIALS, "confessed in open court", "Carl's note.", "");
        long reply = TwoEssays.reply(boris, annas, "Boris replies to Anna.");
        TwoEssays.reply(anna, annas, "Anna answers herself.");
        long boriss = TwoEssays.note(boris, TwoEssays.EXILE, "murdered while in exile", "Boris's note.", "");
        TwoEssays.link(boris, boriss, TwoEssays.TRIALS, "the old Bolsheviks", "Boris links to Anna's passage.");

        assertEquals(2, count(anna), "Boris's reply and link; not her own reply");
        assertEquals(0, count(carl), "another reader's replies count only for the note's author");
        assertEquals(0, count(boris), "nor for the one who wrote them");

        Document list = Jsoup.parse(anna.get("/notifications").body());
        assertEquals(
                List.of("/annotations/" + boriss, "/annotations/" + annas + "#a-" + reply),
                list.select(".notification-text a").eachAttr("href"),
                "newest first, each linked");
        assertEquals(2, list.select(".notification-new").size());
        assertTrue(list.text().contains("Boris linked to your passage in The trials"), list.text());
        assertEquals(
                0,
                list.select("header .notice-count").size(),
                "viewing marks them read, in this very page's header too");
        assertEquals(0, count(anna));
        assertEquals(
                0,
                Jsoup.parse(anna.get("/notifications").body())
                        .select(".notification-new")
                        .size(),
                "and they stay read");

        TwoEssays.reply(carl, annas, "Carl replies later.");
        assertEquals(1, count(anna), "a later reply is new again");
    }

    @Test
    void hiddenRepliesDoNotCountAndTheAnonymousSeeNothing() {
        WebClient anna = site.user("Anna");
        WebClient boris = site.user("Boris");
        long annas = TwoEssays.note(anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "Anna's note.", "");
        long reply = TwoEssays.reply(boris, annas, "Soon deleted.");
        assertEquals(1, count(anna));
        assertEquals(
                303,
                boris.submit("/annotations/" + reply + "/delete", "/annotations/" + reply + "/delete", Map.of())
                        .statusCode());
        assertEquals(0, count(anna), "a deleted reply is no news");
        assertTrue(
                Jsoup.parse(site.app.get("/").body())
                        .select("a[href=/notifications]")
                        .isEmpty(),
                "not shown to the anonymous");
        assertEquals(303, site.app.get("/notifications").statusCode(), "the page sends them to sign in");
    }

    @Test
    void notificationsComeInPages() {
        WebClient anna = site.user("Anna");
        WebClient boris = site.user("Boris");
        long annas = TwoEssays.note(anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "Anna's note.", "");
        for (int i = 0; i < NotificationRoutes.PAGE_SIZE + 1; i++) {
            TwoEssays.reply(boris, annas, "Reply " + i);
        }
        assertEquals(NotificationRoutes.PAGE_SIZE + 1, count(anna));
        Document first = Jsoup.parse(anna.get("/notifications").body());
        assertEquals(NotificationRoutes.PAGE_SIZE, first.select(".notification").size());
        Document second = Jsoup.parse(anna.get("/notifications?page=2").body());
        assertEquals(
                List.of("\u201cReply 0\u201d"),
                second.select(".notification-text").eachText());
    }
}
