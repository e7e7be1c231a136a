package glossa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Snippets: what is marked, what is escaped, which sentence is the best. */
class SnippetTest {

    static final String P8 =
            "Information found on the Stalin Society’s website, which by their own admission “was formed in 1991 to defend"
                    + " Stalin and his work on the basis of fact,” led me to believe abortion was only recriminalized in the USSR because"
                    + " women’s delegates deemed it to be unsafe. Or rather that these laws merely targeted those providing the procedure"
                    + " and not the women having them. I think I knew deep down that the need to replenish the population mattered more.";

    private final Analyzer analyzer = SearchAnalyzer.perField();
    private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withFormatter(new Snippet.Formatter())
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true)
            .withWeightMatches(false)
            .build();

    private Snippet highlight(String typed, String text) throws Exception {
        try (var dir = new ByteBuffersDirectory();
                var w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            w.commit();
            try (var reader = DirectoryReader.open(dir)) {
                return (Snippet) highlighter.highlightWithoutSearcher(
                        Fields.TEXT,
                        new QueryReader(analyzer).read(typed, reader).query(),
                        text,
                        2);
            }
        }
    }

    @Test
    void aPhraseWithAFilterIsMarkedAcrossTypographicApostrophes() throws Exception {
        Snippet s = highlight("\"women's delegates\" essay:breaking-from-stalinism", P8);
        assertTrue(s.html().contains("because <mark>women’s</mark> <mark>delegates</mark> deemed"), s.html());
        assertTrue(
                s.best().startsWith("Information found") && s.best().endsWith("deemed it to be unsafe."),
                "the best sentence, verbatim: " + s.best());
    }

    @Test
    void onlyMarksAreMarkupAndEverythingElseIsEscaped() throws Exception {
        Snippet s = highlight("rutabaga", "Try <script>alert('x')</script> & <b>rutabaga</b>.");
        assertEquals(
                "Try &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;<mark>rutabaga</mark>&lt;/b&gt;.",
                s.html());
    }

    @Test
    void stemsAndFoldedLettersAreMarkedInTheirOwnSpelling() throws Exception {
        Snippet s = highlight("tomas banning", "Tomáš said the state banned it.");
        assertEquals("<mark>Tomáš</mark> said the state <mark>banned</mark> it.", s.html());
    }

    @Test
    void prefixesAreMarkedThroughTheWordsTheyStandFor() throws Exception {
        try (var dir = new ByteBuffersDirectory();
                var w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            w.addDocument(new Documents(slug -> java.util.Optional.empty())
                    .claim(new Rows.ClaimRow("c", 1, "Title", "It recriminalised homosexuality.", "glossa")));
            w.commit();
            try (var reader = DirectoryReader.open(dir)) {
                var q = new QueryReader(analyzer).read("recriminalise*", reader).query();
                Snippet s = (Snippet)
                        highlighter.highlightWithoutSearcher(Fields.TEXT, q, "It recriminalised homosexuality.", 2);
                assertEquals("It <mark>recriminalised</mark> homosexuality.", s.html());
            }
        }
    }
}
