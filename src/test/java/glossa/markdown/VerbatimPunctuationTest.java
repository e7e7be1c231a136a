package glossa.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus essay is served with its author's characters: the quote marks, apostrophes, dashes and
 * ellipses of its canonical text are, in order, exactly those of its source file's text (front
 * matter and HTML tags aside, which are not text). A typographic rewrite of any kind fails this.
 */
class VerbatimPunctuationTest {

    /** The characters a typographic pass would change or produce. */
    private static final String PUNCTUATION = "'\"\u2018\u2019\u201C\u201D\u2013\u2014\u2026";

    @TestFactory
    Stream<DynamicTest> canonicalPunctuationEqualsTheSource() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "the corpus has essays");
        EssayRenderer renderer = new EssayRenderer();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String source = Files.readString(file, StandardCharsets.UTF_8);
                    String text = renderer.render(source).canonicalText().text();
                    assertEquals(
                            punctuation(sourceText(source)),
                            punctuation(text),
                            file + ": quote marks, dashes and ellipses in order");
                    assertEquals(count(sourceText(source), "--"), count(text, "--"), file + ": double hyphens");
                }));
    }

    /** The file less its front matter, HTML comments and tags: what a reader reads. */
    private static String sourceText(String source) {
        int close = source.indexOf("\n---", 3);
        String body = source.substring(source.indexOf('\n', close + 1) + 1);
        return body.replaceAll("(?s)<!--.*?-->", "").replaceAll("<[^>]*>", "");
    }

    private static String punctuation(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(c -> PUNCTUATION.indexOf(c) >= 0).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
