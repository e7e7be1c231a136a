package glossa.bench;

import glossa.TestApp;
import glossa.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;

/**
 * The reading page of the longest essay carrying 1,000 notes: the page view merges stored anchors into
 * the cached template (no Markdown, no anchoring), then renders the margin. Sequential GETs over
 * loopback, so each time is one whole request. Run with {@code bin/bench AnnotatedPageBenchmark}.
 */
public final class AnnotatedPageBenchmark {

    private static final int NOTES = 1000;
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        try (TestApp app = TestApp.withProjectCorpus()) {
            WebClient anna = app.client();
            anna.signUp("Anna", "correct horse battery");
            String slug = "stalinisms-long-shadow";
            String text = app.get("/essays/" + slug + ".txt").body();
            Random random = new Random(7);
            String token = anna.csrfToken("/essays/" + slug + "/annotate");
            long t = System.nanoTime();
            for (int i = 0; i < NOTES; i++) {
                int[] p = AnchoringBenchmark.randomPassage(text, random);
                int start = text.codePointCount(0, p[0]);
                int end = start + text.codePointCount(p[0], p[1]);
                HttpResponse<String> res = anna.postForm(
                        "/essays/" + slug + "/annotations",
                        Map.of(
                                "_csrf",
                                token,
                                "start",
                                Integer.toString(start),
                                "end",
                                Integer.toString(end),
                                "body",
                                "Note **" + i + "** on this passage.",
                                "tags",
                                "t" + (i % 7),
                                "kind",
                                i % 3 == 0 ? "question" : "comment"));
                if (res.statusCode() != 303) {
                    throw new IllegalStateException(res.statusCode() + " " + res.body());
                }
            }
            System.out.printf("created %d notes through the form in %.1f s%n", NOTES, (System.nanoTime() - t) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/essays/" + slug))
                    .build();
            String body =
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            System.out.printf(
                    "page: %d KB, %d marks, %d note cards%n",
                    body.length() / 1024,
                    Jsoup.parse(body).select("mark").size(),
                    Jsoup.parse(body).select("aside.note").size());
            for (int i = 0; i < 50; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            long[] times = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.ofString());
                times[i] = System.nanoTime() - s;
            }
            System.out.println("GET the essay page with " + NOTES + " notes: " + Stats.of(times));
        }
    }

    private AnnotatedPageBenchmark() {}
}
