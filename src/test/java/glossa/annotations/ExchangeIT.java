package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.Main;
import glossa.TestApp;
import glossa.WebClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** export-annotations then import-annotations into another database loses nothing. */
class ExchangeIT {

    private static final String BASE = "http://glossa.test";
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("exchange");
    }

    @AfterEach
    void tearDown() {
        TestApp.deleteRecursively(dir);
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

    /** Two revisions of the essay, so that notes have been carried from one to the other. */
    private static String startTwoRevisions(Path corpus, String db) throws IOException {
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsIT.essay(AnnotationFormsIT.TEXT));
        TestApp.start(corpus, Clock.systemUTC(), db).close();
        return db;
    }

    private static void revise(Path corpus) throws IOException {
        Files.writeString(
                corpus.resolve("essay.md"),
                AnnotationFormsIT.essay(AnnotationFormsIT.TEXT
                        .replace("reversing the law of 1920", "reversing the liberal law of 1920")
                        .replace(" The trials were staged.", "")));
    }

    @Test
    void theRoundTripLosesNothing() throws IOException {
        Path corpusA = Files.createDirectory(dir.resolve("a"));
        String dbA = glossa.TestApp.freshDb("exchange-a");
        Files.writeString(corpusA.resolve("essay.md"), AnnotationFormsIT.essay(AnnotationFormsIT.TEXT));
        try (TestApp a = TestApp.start(corpusA, Clock.systemUTC(), dbA)) {
            WebClient anna = a.client();
            anna.signUp("Anna", "correct horse battery");
            WebClient boris = a.client();
            boris.signUp("Boris", "correct horse battery");
            String form = "/essays/" + AnnotationFormsIT.SLUG + "/annotate";
            String post = "/essays/" + AnnotationFormsIT.SLUG + "/annotations";
            anna.submit(
                    form,
                    post,
                    Map.of("exact", "banned abortion", "body", "A *comment*.", "tags", "law, 1936", "kind", "comment"));
            anna.submit(
                    form,
                    post,
                    Map.of(
                            "exact",
                            "reversing the law of 1920",
                            "body",
                            "A question?",
                            "tags",
                            "",
                            "kind",
                            "question"));
            anna.submit(
                    form,
                    post,
                    Map.of("exact", "The trials were staged.", "body", "", "tags", "", "kind", "highlight"));
            anna.submit(
                    form,
                    post,
                    Map.of("exact", "footnote text", "body", "In a footnote.", "tags", "", "kind", "comment"));
            boris.submit("/annotations/1", "/annotations/1/replies", Map.of("body", "A reply."));
            anna.submit(
                    "/annotations/4",
                    "/annotations/4/edit",
                    Map.of("body", "Edited in a footnote.", "tags", "notes", "kind", "comment"));
            anna.submit(
                    form,
                    post,
                    Map.of(
                            "exact",
                            "condemned the old Bolsheviks",
                            "body",
                            "Deleted later.",
                            "tags",
                            "",
                            "kind",
                            "comment"));
            anna.submit("/annotations/6", "/annotations/6/delete", Map.of());
        }
        revise(corpusA);
        TestApp.start(corpusA, Clock.systemUTC(), dbA).close();

        Path first = dir.resolve("first.jsonld");
        String[] exported = cli(
                "export-annotations",
                first.toString(),
                "--db-url",
                dbA,
                "--data-dir",
                dir.toString(),
                "--base-url",
                BASE);
        assertEquals("0", exported[0], exported[2]);
        assertTrue(exported[1].contains("Wrote 6 annotations"), exported[1]);

        Path corpusB = Files.createDirectory(dir.resolve("b"));
        String dbB = startTwoRevisions(corpusB, glossa.TestApp.freshDb("exchange-b"));
        revise(corpusB);
        TestApp.start(corpusB, Clock.systemUTC(), dbB).close();
        String[] imported = cli("import-annotations", first.toString(), "--db-url", dbB, "--data-dir", dir.toString());
        assertEquals("0", imported[0], imported[2]);
        assertTrue(imported[1].startsWith("6 imported"), imported[1]);
        String[] again = cli("import-annotations", first.toString(), "--db-url", dbB, "--data-dir", dir.toString());
        assertTrue(again[1].startsWith("0 imported, 6 already here"), "importing twice adds nothing: " + again[1]);

        Path second = dir.resolve("second.jsonld");
        cli("export-annotations", second.toString(), "--db-url", dbB, "--data-dir", dir.toString(), "--base-url", BASE);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> before = items(json.readTree(first.toFile()));
        List<JsonNode> after = items(json.readTree(second.toFile()));
        assertEquals(before.size(), after.size());
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            ids.put(after.get(i).path("id").asText(), before.get(i).path("id").asText());
        }
        for (int i = 0; i < before.size(); i++) {
            ObjectNode b = before.get(i).deepCopy();
            ObjectNode c = after.get(i).deepCopy();
            c.put("id", ids.get(c.path("id").asText()));
            if (c.path("target").isTextual()) {
                c.put("target", ids.get(c.path("target").asText()));
            }
            assertEquals(b, c, "note " + i + " differs after the round trip");
        }
        assertTrue(
                before.stream()
                        .anyMatch(n -> "fuzzy".equals(n.path("glossa:anchoring").asText())),
                "the set includes a re-anchored note");
        assertTrue(
                before.stream()
                        .anyMatch(
                                n -> "orphan".equals(n.path("glossa:anchoring").asText())),
                "and an orphan");
        assertTrue(before.stream().anyMatch(n -> n.has("glossa:deleted")), "and a deleted note");
    }

    @Test
    void linksAndClaimPagesTravelToo() throws IOException {
        String dbA = glossa.TestApp.freshDb("exchange-c");
        TestApp.start(TestApp.PROJECT_CORPUS, Clock.systemUTC(), dbA).close();
        Path file = dir.resolve("all.jsonld");
        assertEquals(
                "0",
                cli(
                        "export-annotations",
                        file.toString(),
                        "--db-url",
                        dbA,
                        "--data-dir",
                        dir.toString(),
                        "--base-url",
                        BASE)[0]);

        Path essaysOnly = Files.createDirectory(dir.resolve("essays-only"));
        try (var files = Files.list(TestApp.PROJECT_CORPUS)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(p, essaysOnly.resolve(p.getFileName()));
            }
        }
        String dbB = glossa.TestApp.freshDb("exchange-d");
        TestApp.start(essaysOnly, Clock.systemUTC(), dbB).close();
        String[] imported = cli("import-annotations", file.toString(), "--db-url", dbB, "--data-dir", dir.toString());
        assertEquals("0", imported[0], imported[2]);
        Path again = dir.resolve("again.jsonld");
        cli("export-annotations", again.toString(), "--db-url", dbB, "--data-dir", dir.toString(), "--base-url", BASE);
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(file.toFile());
        JsonNode b = json.readTree(again.toFile());
        assertEquals(count(a, "linking"), count(b, "linking"));
        assertTrue(count(a, "linking") >= 15);
        assertEquals(a.path("glossa:claims").size(), b.path("glossa:claims").size());
        for (int i = 0; i < a.path("glossa:claims").size(); i++) {
            JsonNode ca = a.path("glossa:claims").get(i);
            JsonNode cb = b.path("glossa:claims").get(i);
            assertEquals(ca.path("slug"), cb.path("slug"));
            assertEquals(ca.path("revisions"), cb.path("revisions"), "every revision, with author and time");
            assertEquals(ca.path("passages").size(), cb.path("passages").size());
        }
        try (TestApp b2 = TestApp.start(essaysOnly, Clock.systemUTC(), dbB)) {
            assertTrue(b2.get("/claims/abortion-ban-1936").body().contains("account-column"));
            assertTrue(b2.get("/essays/breaking-from-stalinism").body().contains("connection link"));
        }
    }

    private static long count(JsonNode doc, String motivation) {
        long n = 0;
        for (JsonNode i : doc.path("first").path("items")) {
            n += motivation.equals(i.path("motivation").asText()) ? 1 : 0;
        }
        return n;
    }

    private static List<JsonNode> items(JsonNode doc) {
        List<JsonNode> list = new ArrayList<>();
        ((ArrayNode) doc.path("first").path("items")).forEach(n -> {
            if (!"linking".equals(n.path("motivation").asText())) {
                list.add(n);
            }
        });
        list.sort((x, y) -> (x.path("created").asText() + x.path("id").asText().length())
                .compareTo(y.path("created").asText() + y.path("id").asText().length()));
        return list;
    }
}
