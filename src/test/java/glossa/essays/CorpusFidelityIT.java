package glossa.essays;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glossa.TestApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sentence of every raw seed essay, less the web-page debris listed here, appears in the
 * rendered page, in order. Quote style and whitespace are normalised on both sides; nothing else is.
 */
class CorpusFidelityIT {

    /** Lines of the seeds that are the host sites' furniture, not the essays. */
    private static final Set<String> DEBRIS = Set.of(
            "Skip to main content",
            "Scroll to Continue",
            "Recommended Articles",
            "Read More",
            "Red Flag is published by Socialist Alternative, a revolutionary socialist group with branches across Australia.",
            "Find out more about us, get involved, or subscribe.",
            "Original Red Flag content is subject to a Creative Commons licence and may be republished under the terms listed here.",
            "communistleaguetampa.org");

    private static final int MIN_ORDERED_LENGTH = 40;

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withProjectCorpus();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest
    @CsvSource({
        "000_4e524e5217d53b06.txt, breaking-from-stalinism",
        "001_37c391ebe791b4f1.txt, how-stalinism-distorted-marxism",
        "002_a2b5da7353ffa98c.txt, living-in-the-shadow-of-stalinism",
        "003_ad47bf4394396364.txt, stalinisms-long-shadow",
        "004_33f1d050a8c698c8.txt, stalinism-doesnt-equal-socialism"
    })
    void everySentenceOfTheSeedIsInTheEssayInOrder(String seed, String slug) throws IOException {
        Document page = Jsoup.parse(app.get("/essays/" + slug).body());
        String whole = normalise(page.select("main").text());
        String body = normalise(page.select("#essay-text").text());
        List<String> missing = new ArrayList<>();
        int cursor = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/seeds", seed), StandardCharsets.UTF_8)) {
            String clean = stripMarkdown(line).strip();
            if (clean.isEmpty() || DEBRIS.contains(clean)) {
                continue;
            }
            for (String sentence : clean.split("(?<=[.!?])\\s+(?=[\\p{Lu}“\"‘(])")) {
                String s = normalise(sentence);
                if (!whole.contains(s)) {
                    // A note of the source's notes list: its number becomes the list's counter.
                    String unnumbered = s.replaceFirst("^\\d{1,2} ", "");
                    if (!whole.contains(unnumbered)) {
                        missing.add(sentence);
                    }
                    continue;
                }
                if (s.length() < MIN_ORDERED_LENGTH) {
                    continue; // short fragments ("by", a date) occur anywhere; their order proves nothing
                }
                int at = body.indexOf(s, cursor);
                if (at >= 0) {
                    cursor = at + s.length();
                } else if (body.contains(s) && body.indexOf(s) < cursor && body.indexOf(s, 0) == body.lastIndexOf(s)) {
                    fail("out of order in " + slug + ": " + sentence);
                }
            }
        }
        assertTrue(
                missing.isEmpty(),
                slug + " lacks " + missing.size() + " sentences, first: "
                        + missing.stream().limit(3).toList());
    }

    private static String stripMarkdown(String line) {
        return line.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("^#+\\s*", "")
                .replace("*", "");
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC)
                .replaceAll("[‘’ʼ]", "'")
                .replaceAll("[“”]", "\"")
                .replace("…", "...")
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .strip();
    }
}
