package glossa.bench;

import glossa.TestApp;
import glossa.markdown.EssayRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the foundation promises: rendering Markdown is done once per revision (its cost is
 * reported so it can be compared), and a page view only sends cached bytes. Run with bin/bench;
 * results go to docs/BENCHMARKS.md by hand, with the machine and date.
 */
public final class EssayPageBenchmark {

    private static final String LONGEST = "stalinisms-long-shadow";
    private static final int RENDER_WARMUP = 100;
    private static final int RENDER_RUNS = 300;
    private static final int CLIENTS = 4;
    private static final long LOAD_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        String markdown = Files.readString(Path.of("corpus", LONGEST + ".md"));
        EssayRenderer renderer = new EssayRenderer();
        for (int i = 0; i < RENDER_WARMUP; i++) {
            renderer.render(markdown);
        }
        long[] render = new long[RENDER_RUNS];
        for (int i = 0; i < RENDER_RUNS; i++) {
            long t = System.nanoTime();
            renderer.render(markdown);
            render[i] = System.nanoTime() - t;
        }
        System.out.println("render " + LONGEST + " (Flexmark + post-processing + canonical text): " + Stats.of(render));

        try (TestApp app = TestApp.withProjectCorpus()) {
            pageViews(app, "/essays/" + LONGEST);
            pageViews(app, "/");
        }
    }

    private static void pageViews(TestApp app, String path) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build();
        for (int i = 0; i < 500; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        AtomicLong count = new AtomicLong();
        long[] samples = new long[200_000];
        AtomicLong sampleIndex = new AtomicLong();
        long end = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> res = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException("status " + res.statusCode());
                    }
                    long i = sampleIndex.getAndIncrement();
                    if (i < samples.length) {
                        samples[(int) i] = System.nanoTime() - t;
                    }
                    count.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(LOAD_SECONDS + 30, java.util.concurrent.TimeUnit.SECONDS);
        int n = (int) Math.min(samples.length, sampleIndex.get());
        long[] taken = java.util.Arrays.copyOf(samples, n);
        System.out.printf(
                "GET %s with %d clients for %ds: %.0f requests/s, latency %s%n",
                path, CLIENTS, LOAD_SECONDS, count.get() / (double) LOAD_SECONDS, Stats.of(taken));
    }

    private EssayPageBenchmark() {}
}
