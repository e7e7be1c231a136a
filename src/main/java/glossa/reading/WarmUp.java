package glossa.reading;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visits the reading pages once after a start, over loopback, as a first-time and a returning reader
 * (the how-to hint makes them two pages), so the page cache holds them before a reader asks. Failures
 * only mean a page is built on its first real request instead, so they are logged, never raised.
 */
public final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;

    /** {@code base}: this server's own address, e.g. {@code http://127.0.0.1:7070}. */
    public WarmUp(String base) {
        this.base = base;
    }

    /** Visits {@code paths} on a daemon thread, so the start is not held up by the builds. */
    public void inBackground(List<String> paths) {
        Thread thread = new Thread(() -> visit(paths), "glossa-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public void visit(List<String> paths) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        long start = System.nanoTime();
        for (String path : paths) {
            for (String cookie : new String[] {null, "glossa_hint=seen"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(TIMEOUT)
                        .GET();
                if (cookie != null) {
                    request.header("Cookie", cookie);
                }
                try {
                    http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    log.info("warm-up of {} failed ({}); it is built on its first request", path, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.info("warm-up: {} pages built in {} ms", paths.size() * 2, (System.nanoTime() - start) / 1_000_000);
    }
}
