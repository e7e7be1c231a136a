package glossa.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import glossa.TestApp;
import glossa.TwoEssays;
import glossa.WebClient;
import glossa.editing.CliAccess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** An essay's notes download as W3C JSON-LD that import-annotations reads back; the whole site only for admins, audited. */
class ExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> items(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        doc.path("first").path("items").forEach(out::add);
        return out;
    }

    @Test
    void anEssaysVisibleNotesDownloadAndRoundTripThroughImport() throws Exception {
        Path file = Files.createTempFile("notes", ".jsonld");
        try (TwoEssays a = TwoEssays.start("http://glossa.example");
                TwoEssays b = TwoEssays.start("http://glossa.example")) {
            WebClient anna = a.user("Anna");
            WebClient vera = a.user("Vera");
            CliAccess.run(a.app.dbUrl(), "user", "role", "Vera", "moderator");
            long note = TwoEssays.note(
                    anna, TwoEssays.TRIALS, "condemned the old Bolsheviks", "On the *verdicts*.", "law, terror");
            TwoEssays.reply(vera, note, "A reply.");
            long hidden = TwoEssays.note(anna, TwoEssays.TRIALS, "confessed in open court", "Hidden words.", "");
            TwoEssays.reply(vera, hidden, "A reply to a hidden note.");
            assertEquals(
                    303,
                    vera.submit("/annotations/" + hidden, "/annotations/" + hidden + "/hide", Map.of())
                            .statusCode());
            TwoEssays.note(anna, TwoEssays.EXILE, "murdered while in exile", "Another essay's note.", "");

            assertEquals(
                    1,
                    Jsoup.parse(a.app.get("/essays/the-trials").body())
                            .select("a[href=/essays/the-trials/notes.jsonld]:contains(Download notes (W3C JSON-LD))")
                            .size(),
                    "offered on the page");
            HttpResponse<String> res = a.app.get("/essays/the-trials/notes.jsonld");
            assertEquals(200, res.statusCode());
            assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
            assertEquals(
                    "attachment; filename=\"the-trials-notes.jsonld\"",
                    res.headers().firstValue("Content-Disposition").orElse(""));
            JsonNode doc = JSON.readTree(res.body());
            assertEquals("AnnotationCollection", doc.path("type").asText());
            List<JsonNode> items = items(doc);
            assertEquals(
                    2,
                    items.size(),
                    "the note and its reply; not the hidden note, its reply, or the other essay's note");
            assertFalse(res.body().contains("Hidden words")
                    || res.body().contains("hidden note")
                    || res.body().contains("Another essay"));

            Files.writeString(file, res.body());
            String[] imported = CliAccess.run(b.app.dbUrl(), "import-annotations", file.toString());
            assertEquals("0", imported[0], imported[2]);
            assertTrue(imported[1].startsWith("2 imported"), imported[1]);
            List<JsonNode> back = items(
                    JSON.readTree(b.app.get("/essays/the-trials/notes.jsonld").body()));
            assertEquals(items.size(), back.size());
            for (int i = 0; i < items.size(); i++) {
                for (String field : List.of("body", "creator", "created", "motivation")) {
                    assertEquals(
                            items.get(i).path(field),
                            back.get(i).path(field),
                            field + " of item " + i + " survives the round trip");
                }
                assertEquals(
                        items.get(i).path("target").path("selector"),
                        back.get(i).path("target").path("selector"));
            }
            assertTrue(Jsoup.parse(b.app.get("/essays/the-trials").body())
                    .select(".note-body")
                    .text()
                    .contains("On the verdicts."));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void onlyAdminsExportTheWholeSiteAndEachExportIsAudited() throws Exception {
        try (TestApp app = TestApp.withProjectCorpus()) {
            WebClient member = app.client();
            member.signUp("Mia", "correct horse battery");
            WebClient admin = app.client();
            admin.signUp("Ada", "correct horse battery");
            CliAccess.run(app.dbUrl(), "user", "role", "Ada", "admin");
            assertEquals(403, member.get("/admin/export.jsonld").statusCode());
            assertEquals(303, app.get("/admin/export.jsonld").statusCode(), "the anonymous are sent to sign in");
            assertTrue(
                    Jsoup.parse(admin.get("/admin/users").body())
                                    .select("a[href=/admin/export.jsonld]")
                                    .size()
                            == 1,
                    "linked for admins");

            HttpResponse<String> res = admin.get("/admin/export.jsonld");
            assertEquals(200, res.statusCode());
            assertTrue(res.headers()
                    .firstValue("Content-Disposition")
                    .orElse("")
                    .startsWith("attachment; filename=\"glossa-"));
            assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
            List<JsonNode> items = items(JSON.readTree(res.body()));
            assertTrue(
                    items.stream()
                            .anyMatch(i -> "linking".equals(i.path("motivation").asText())),
                    "links travel too");
            assertTrue(JSON.readTree(res.body()).path("glossa:claims").size() > 0, "and claims");
            assertTrue(admin.get("/admin/audit").body().contains("export-downloaded"));
        }
    }
}
