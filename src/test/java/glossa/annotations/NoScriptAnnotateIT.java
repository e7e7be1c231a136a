package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import glossa.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Annotating without JavaScript, as a tester found it wanting: the paragraph's form shows the
 * paragraph and holds its words; quotations have their own control; words typed on a paragraph's
 * form mean that paragraph; a refused reply keeps its text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoScriptAnnotateIT {

    private static final String ESSAY = "/essays/breaking-from-stalinism";
    private TestApp app;
    private WebClient reader;

    @BeforeAll
    void start() {
        app = TestApp.withProjectCorpus();
        reader = app.client();
        reader.signUp("Noa", "correct horse battery");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theParagraphsFormShowsTheParagraphAndHoldsItsWords() {
        Document form = Jsoup.parse(reader.get(ESSAY + "/annotate?block=p2").body());
        String paragraph = form.selectFirst(".annotate-paragraph blockquote").text();
        assertTrue(paragraph.length() > 40, paragraph);
        assertEquals(
                paragraph, form.selectFirst("textarea#exact").text(), "the passage field holds the paragraph's words");
        HttpResponse<String> whole = reader.submit(
                ESSAY + "/annotate?block=p2",
                ESSAY + "/annotations",
                Map.of(
                        "block",
                        "p2",
                        "exact",
                        form.selectFirst("textarea#exact").text(),
                        "body",
                        "the whole paragraph",
                        "kind",
                        "comment"));
        assertEquals(
                303,
                whole.statusCode(),
                Jsoup.parse(whole.body()).select(".error").text());
    }

    @Test
    void everyBlockOfTextHasItsControlQuotationsToo() {
        Document essay = Jsoup.parse(app.get(ESSAY).body());
        assertNotNull(essay.selectFirst("blockquote #p4"), "the essay quotes Zetkin in p4");
        assertNotNull(
                essay.selectFirst("a.para-annotate[href$=block=p4]"),
                "the quotation can be annotated without selecting");
    }

    @Test
    void wordsTypedOnAParagraphsFormMeanThatParagraph() {
        Document essay = Jsoup.parse(app.get(ESSAY).body());
        String block = essay.select("#essay-text p[id]").stream()
                .filter(p -> p.text().split("Stalinist", -1).length == 2)
                .findFirst()
                .orElseThrow()
                .id();
        HttpResponse<String> made = reader.submit(
                ESSAY + "/annotate?block=" + block,
                ESSAY + "/annotations",
                Map.of("block", block, "exact", "Stalinist", "body", "this one", "kind", "comment"));
        assertEquals(
                303,
                made.statusCode(),
                "\"Stalinist\" occurs often in the essay but once here: "
                        + Jsoup.parse(made.body()).select(".error").text());
        HttpResponse<String> anywhere = reader.submit(
                ESSAY, ESSAY + "/annotations", Map.of("exact", "Stalinist", "body", "which?", "kind", "comment"));
        assertEquals(422, anywhere.statusCode(), "without a paragraph the reader is asked which one");
    }

    @Test
    void aRefusedReplyKeepsItsText() {
        HttpResponse<String> note = reader.submit(
                ESSAY,
                ESSAY + "/annotations",
                Map.of("exact", "abortion was only recriminalized", "body", "a note to answer", "kind", "comment"));
        String id = note.headers().firstValue("Location").orElseThrow().replaceAll(".*#a-", "");
        HttpResponse<String> refused = reader.submit(
                "/annotations/" + id,
                "/annotations/" + id + "/replies",
                Map.of("body", "my reply with a bell \u0007 in it", "return", "essay"));
        assertEquals(422, refused.statusCode());
        Document page = Jsoup.parse(refused.body());
        assertTrue(page.selectFirst("#reply-body").text().contains("my reply with a bell"), "the text is kept");
        assertTrue(page.selectFirst(".form-error").text().contains("control character"));
    }
}
