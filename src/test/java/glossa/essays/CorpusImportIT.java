package glossa.essays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.markdown.EssayRenderer;
import glossa.storage.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorpusImportIT {

    private Path corpus;
    private Database db;
    private CorpusImporter importer;
    private EssayRepository essays;

    @BeforeEach
    void setUp() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        db = Database.open(glossa.TestApp.freshDb("import"));
        essays = new EssayRepository(db.jdbc());
        importer =
                new CorpusImporter(db.jdbc(), essays, new EssayRenderer(), Clock.systemUTC(), (essay, revision) -> {});
    }

    @AfterEach
    void tearDown() {
        db.close();
        TestApp.deleteRecursively(corpus);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(corpus.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String essay(String slug, String title, String body) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\n---\n\n" + body + "\n";
    }

    @Test
    void importingTwiceChangesNothing() throws IOException {
        write("a.md", essay("a", "A", "First text."));
        write("b.md", essay("b", "B", "Second text."));
        ImportReport first = importer.importDirectory(corpus);
        assertEquals(List.of("a", "b"), first.added());
        ImportReport second = importer.importDirectory(corpus);
        assertEquals(List.of(), second.added());
        assertEquals(List.of(), second.revised());
        assertEquals(List.of("a", "b"), second.unchanged());
        assertEquals(1, essays.revisions("a").size());
    }

    @Test
    void aChangedFileAddsARevisionAndKeepsTheOldOne() throws IOException {
        write("a.md", essay("a", "A", "The first wording."));
        importer.importDirectory(corpus);
        write("a.md", essay("a", "A", "The corrected wording."));
        ImportReport report = importer.importDirectory(corpus);
        assertEquals(List.of("a"), report.revised());
        List<EssayRevision> revisions = essays.revisions("a");
        assertEquals(2, revisions.size());
        assertEquals("The first wording.", revisions.get(0).canonicalText().text());
        assertEquals("The corrected wording.", revisions.get(1).canonicalText().text());
        assertEquals(2, essays.currentRevision("a").orElseThrow().revisionNo());
    }

    @Test
    void aFileRemovedFromTheCorpusKeepsItsEssay() throws IOException {
        write("a.md", essay("a", "A", "Text."));
        importer.importDirectory(corpus);
        Files.delete(corpus.resolve("a.md"));
        importer.importDirectory(corpus);
        assertTrue(essays.currentRevision("a").isPresent(), "an import never deletes");
    }

    @Test
    void badFilesAreReportedWithNameAndLineAndTheRestImport() throws IOException {
        write("1-good.md", essay("good", "Good", "Fine text."));
        write("2-broken.md", "---\nslug: broken\ntitle: Broken\nnot a field\n---\nText\n");
        write("3-untitled.md", "---\nslug: untitled\n---\nText\n");
        write("4-duplicate.md", "---\ntitle: Again\nslug: good\n---\nText\n");
        byte[] bad = "---\nslug: bytes\ntitle: Bytes\n---\nok\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(corpus.resolve("5-latin1.md"), bad);

        ImportReport report = importer.importDirectory(corpus);

        assertEquals(List.of("good"), report.added());
        assertEquals(4, report.problems().size(), report.problems().toString());
        assertProblem(report, "2-broken.md", 4, "key: value");
        assertProblem(report, "3-untitled.md", 1, "no title");
        assertProblem(report, "4-duplicate.md", 3, "already used by 1-good.md");
        assertProblem(report, "5-latin1.md", 6, "UTF-8");
        assertEquals(1, essays.currentRevisions().size());
    }

    @Test
    void theServerStartsWithTheGoodFilesWhenSomeAreBad() throws IOException {
        write("good.md", essay("good", "Good essay", "Fine text."));
        write("bad.md", "no front matter at all\n");
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC())) {
            assertEquals(1, app.app().startupImport().orElseThrow().problems().size());
            assertEquals(200, app.get("/essays/good").statusCode());
            assertTrue(app.get("/").body().contains("Good essay"));
        }
    }

    private static void assertProblem(ImportReport report, String file, int line, String text) {
        CorpusProblem p = report.problems().stream()
                .filter(x -> x.file().getFileName().toString().equals(file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no problem reported for " + file));
        assertEquals(line, p.line(), p.toString());
        assertTrue(p.message().contains(text), p.toString());
        assertTrue(p.toString().startsWith(file + ":" + line + ": "), p.toString());
    }
}
