package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Backup and restore are exact: a site with users, notes, replies, edits, a deleted and a hidden note,
 * links and claim revisions is backed up, restored into an empty database, and exports the very same
 * document; its readers sign in with their passwords. And starter content has a stable identity, so
 * exporting notes and importing them into a fresh Glossa does not make them twice.
 */
class BackupRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://glossa.example";
    private static final String ESSAY = "breaking-from-stalinism";

    @Test
    void aRestoredBackupExportsTheSameDocumentAndKeepsPasswords(@TempDir Path dir) throws Exception {
        String original = "jdbc:h2:file:" + dir.resolve("a/glossa");
        String restored = "jdbc:h2:file:" + dir.resolve("b/glossa");
        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), original)) {
            writeASmallCommunity(app);
        }
        String before = export(dir, original, "before.jsonld");

        Path backup = dir.resolve("site.json.gz");
        String[] b = cli(
                "backup",
                backup.toString(),
                "--db-url",
                original,
                "--data-dir",
                dir.resolve("a").toString());
        assertEquals("0", b[0], b[2]);
        assertTrue(b[1].contains("Backed up"), b[1]);
        String[] r = cli(
                "restore",
                backup.toString(),
                "--db-url",
                restored,
                "--data-dir",
                dir.resolve("b").toString());
        assertEquals("0", r[0], r[2]);

        String after = export(dir, restored, "after.jsonld");
        assertEquals(before, after, "the restored site exports the very same document");
        assertTrue(JSON.readTree(after).path("total").asInt() > 20);
        for (String table : new String[] {
            "app_user",
            "api_token",
            "audit_event",
            "essay",
            "essay_revision",
            "annotation_history",
            "claim",
            "claim_revision",
            "claim_passage",
            "passage_link"
        }) {
            assertEquals(dump(original, table), dump(restored, table), table + " came back row for row");
        }

        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), restored)) {
            WebClient anna = app.client();
            assertEquals(
                    303, anna.signIn("Anna", "correct horse battery").statusCode(), "the password hash came along");
            var made = anna.submit(
                    "/essays/" + ESSAY,
                    "/essays/" + ESSAY + "/annotations",
                    Map.of(
                            "exact",
                            "abortion was only recriminalized",
                            "body",
                            "after the restore",
                            "kind",
                            "comment"));
            assertEquals(303, made.statusCode());
        }
        String started = export(dir, restored, "started.jsonld");
        JsonNode items = JSON.readTree(started).path("first").path("items");
        assertEquals(
                JSON.readTree(before).path("total").asInt() + 1,
                JSON.readTree(started).path("total").asInt(),
                "starting on the restored data adds no starter content twice; only the new note is new");
        long highestBefore = maxNoteId(JSON.readTree(before));
        assertTrue(maxNoteId(JSON.readTree(started)) > highestBefore, "new ids follow the restored ones");
        assertTrue(items.size() > 0);
    }

    @Test
    void anAdminDownloadsABackupWhileTheServerRunsAndItRestores(@TempDir Path dir) throws Exception {
        String original = "jdbc:h2:file:" + dir.resolve("a/glossa");
        String restored = "jdbc:h2:file:" + dir.resolve("b/glossa");
        Path backup = dir.resolve("online.json.gz");
        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), original)) {
            WebClient member = app.client();
            member.signUp("Mila", "correct horse battery");
            assertEquals(403, member.get("/admin/backup").statusCode());
            assertEquals(303, app.get("/admin/backup").statusCode(), "anonymous readers are sent to sign in");
            WebClient root = app.client();
            root.signUp("Root", "correct horse battery");
            try (Connection c = DriverManager.getConnection(app.dbUrl())) {
                c.createStatement().executeUpdate("UPDATE app_user SET role = 'ADMIN' WHERE username = 'Root'");
            }
            var download = root.send(
                    java.net.http.HttpRequest.newBuilder(root.uri("/admin/backup"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofFile(backup));
            assertEquals(200, download.statusCode());
            assertEquals(
                    "no-store", download.headers().firstValue("Cache-Control").orElseThrow());
        }
        String before = export(dir, original, "before.jsonld");
        assertEquals(
                "0",
                cli(
                        "restore",
                        backup.toString(),
                        "--db-url",
                        restored,
                        "--data-dir",
                        dir.resolve("b").toString())[0]);
        assertEquals(before, export(dir, restored, "after.jsonld"));
    }

    @Test
    void restoreRefusesADatabaseThatHoldsData(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("a/glossa");
        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), url)) {
            app.get("/");
        }
        Path backup = dir.resolve("site.json");
        assertEquals(
                "0",
                cli(
                        "backup",
                        backup.toString(),
                        "--db-url",
                        url,
                        "--data-dir",
                        dir.resolve("a").toString())[0]);
        String[] again = cli(
                "restore",
                backup.toString(),
                "--db-url",
                url,
                "--data-dir",
                dir.resolve("a").toString());
        assertEquals("1", again[0]);
        assertTrue(again[2].contains("already holds data"), again[2]);
        String[] garbage = cli(
                "restore",
                dir.resolve("nothing.json").toString(),
                "--db-url",
                url,
                "--data-dir",
                dir.resolve("a").toString());
        assertNotEquals("0", garbage[0]);
    }

    @Test
    void importingAnExportIntoAFreshGlossaDoesNotDuplicateStarterContent(@TempDir Path dir) throws Exception {
        String original = "jdbc:h2:file:" + dir.resolve("a/glossa");
        String fresh = "jdbc:h2:file:" + dir.resolve("c/glossa");
        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), original)) {
            writeASmallCommunity(app);
        }
        String exported = export(dir, original, "notes.jsonld");
        try (TestApp app = TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), fresh)) {
            app.get("/");
        }
        Path file = dir.resolve("notes.jsonld");
        String[] first = cli(
                "import-annotations",
                file.toString(),
                "--db-url",
                fresh,
                "--data-dir",
                dir.resolve("c").toString());
        assertEquals("0", first[0], first[2]);
        String[] second = cli(
                "import-annotations",
                file.toString(),
                "--db-url",
                fresh,
                "--data-dir",
                dir.resolve("c").toString());
        assertTrue(second[1].startsWith("0 imported"), second[1]);
        String reexported = export(dir, fresh, "again.jsonld");
        assertEquals(
                JSON.readTree(exported).path("total").asInt(),
                JSON.readTree(reexported).path("total").asInt(),
                "as many notes and links as were exported, not the starter content twice");
    }

    /** Notes, a reply, an edit, a deletion, a hidden note, a link and a claim edit, by two readers and a moderator. */
    private static void writeASmallCommunity(TestApp app) throws Exception {
        WebClient anna = app.client();
        anna.signUp("Anna", "correct horse battery");
        WebClient boris = app.client();
        boris.signUp("Boris", "another good passphrase");
        String essay = "/essays/" + ESSAY;
        long kept = noteId(anna.submit(
                essay,
                essay + "/annotations",
                Map.of(
                        "exact",
                        "abortion was only recriminalized",
                        "body",
                        "The 1936 decree.",
                        "tags",
                        "family, law",
                        "kind",
                        "comment")));
        long gone = noteId(anna.submit(
                essay,
                essay + "/annotations",
                Map.of("exact", "Stalinism", "occurrence", "0", "body", "to be deleted", "kind", "question")));
        long hidden = noteId(boris.submit(
                essay,
                essay + "/annotations",
                Map.of("exact", "Stalinism", "occurrence", "1", "body", "rude", "kind", "comment")));
        assertEquals(
                303,
                boris.submit(
                                "/annotations/" + kept,
                                "/annotations/" + kept + "/replies",
                                Map.of("body", "Which decree?"))
                        .statusCode());
        assertEquals(
                303,
                anna.submit(
                                "/annotations/" + kept,
                                "/annotations/" + kept + "/edit",
                                Map.of("body", "The decree of 27 June 1936.", "tags", "family", "kind", "comment"))
                        .statusCode());
        assertEquals(
                303,
                anna.submit("/annotations/" + gone, "/annotations/" + gone + "/delete", Map.of())
                        .statusCode());
        try (Connection c = DriverManager.getConnection(app.dbUrl())) {
            c.createStatement().executeUpdate("UPDATE app_user SET role = 'MODERATOR' WHERE username = 'Anna'");
        }
        assertEquals(
                303,
                anna.submit("/annotations/" + hidden, "/annotations/" + hidden + "/hide", Map.of())
                        .statusCode());
        var link = anna.submit(
                "/annotations/" + kept + "/link",
                "/annotations/" + kept + "/links",
                Map.of(
                        "essay",
                        "stalinisms-long-shadow",
                        "exact",
                        "abortion",
                        "occurrence",
                        "0",
                        "relation",
                        "same-event",
                        "comment",
                        "Compare."));
        assertTrue(
                link.statusCode() == 303,
                "link: " + link.statusCode() + " "
                        + Jsoup.parse(link.body()).select(".error").text());
        String claim = Jsoup.parse(app.get("/claims").body()).select("a[href^=/claims/]").stream()
                .map(a -> a.attr("href"))
                .filter(h -> !h.equals("/claims/new"))
                .findFirst()
                .orElseThrow();
        String base = Jsoup.parse(anna.get(claim + "/edit").body())
                .selectFirst("input[name=base]")
                .val();
        String title = Jsoup.parse(anna.get(claim + "/edit").body())
                .selectFirst("input[name=title]")
                .val();
        assertEquals(
                303,
                anna.submit(
                                claim + "/edit",
                                claim + "/edit",
                                Map.of(
                                        "title",
                                        title,
                                        "description",
                                        "Edited before the backup.",
                                        "summary",
                                        "test",
                                        "base",
                                        base))
                        .statusCode());
    }

    /** Every row of a table, in id order, as text: what the two databases must agree on. */
    private static String dump(String url, String table) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url);
                var rs = c.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    out.append(v instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : v)
                            .append('|');
                }
                out.append('\n');
            }
        }
        assertTrue(out.length() > 0 || table.equals("api_token"), table + " has rows to compare");
        return out.toString();
    }

    private static long noteId(java.net.http.HttpResponse<String> created) {
        assertEquals(
                303,
                created.statusCode(),
                Jsoup.parse(created.body()).select(".error").text());
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*#a-", ""));
    }

    private static long maxNoteId(JsonNode doc) {
        long max = 0;
        for (JsonNode item : doc.path("first").path("items")) {
            String id = item.path("id").asText();
            if (id.contains("/api/annotations/")) {
                max = Math.max(max, Long.parseLong(id.substring(id.lastIndexOf('/') + 1)));
            }
        }
        return max;
    }

    private static String export(Path dir, String url, String name) throws Exception {
        Path file = dir.resolve(name);
        String[] r = cli(
                "export-annotations",
                file.toString(),
                "--db-url",
                url,
                "--data-dir",
                dir.toString(),
                "--base-url",
                BASE);
        assertEquals("0", r[0], r[2]);
        return Files.readString(file);
    }

    private static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
