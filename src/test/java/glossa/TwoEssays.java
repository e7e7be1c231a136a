package glossa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A corpus of two short essays and the form posts that annotate them, for the wiki features' tests. */
public final class TwoEssays implements AutoCloseable {

    public static final String TRIALS = "the-trials";
    public static final String EXILE = "the-exile";
    private static final String TRIALS_MD = "---\nslug: the-trials\ntitle: The trials\n---\n\n"
            + "The show trials of 1936 to 1938 condemned the old Bolsheviks.\n\nMost of the accused confessed in open court.\n";
    private static final String EXILE_MD = "---\nslug: the-exile\ntitle: The exile\n---\n\n"
            + "Leon Trotsky was murdered while in exile in Mexico.\n\nHe had been condemned in absentia at the trials.\n";

    public final Path corpus;
    public final TestApp app;

    private TwoEssays(Path corpus, TestApp app) {
        this.corpus = corpus;
        this.app = app;
    }

    /** A server without a write limit (tests write quickly), on {@code baseUrl} if not null. */
    public static TwoEssays start(String baseUrl) {
        try {
            Path corpus = Files.createTempDirectory("two-essays");
            Files.writeString(corpus.resolve("trials.md"), TRIALS_MD);
            Files.writeString(corpus.resolve("exile.md"), EXILE_MD);
            TestApp app = baseUrl == null
                    ? TestApp.withWriteLimit(corpus, 0)
                    : TestApp.start(corpus, java.time.Clock.systemUTC(), baseUrl, java.util.List.of());
            return new TwoEssays(corpus, app);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebClient user(String name) {
        WebClient c = app.client();
        c.signUp(name, "correct horse battery");
        return c;
    }

    /** Makes a note on {@code exact} and returns its id. */
    public static long note(WebClient who, String slug, String exact, String body, String tags) {
        return who.note(slug, exact, body, tags, "comment");
    }

    /** Replies to note {@code id}; returns the reply's id. */
    public static long reply(WebClient who, long id, String body) {
        HttpResponse<String> res =
                who.submit("/annotations/" + id, "/annotations/" + id + "/replies", Map.of("body", body));
        if (res.statusCode() != 303) {
            throw new AssertionError("reply not made: " + res.statusCode() + " " + res.body());
        }
        String location = res.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf("#a-") + 3));
    }

    /** Links from note {@code from} to {@code exact} in {@code slug}. */
    public static void link(WebClient who, long from, String slug, String exact, String comment) {
        HttpResponse<String> res = who.submit(
                "/annotations/" + from + "/link",
                "/annotations/" + from + "/links",
                Map.of("essay", slug, "exact", exact, "relation", "same-event", "comment", comment));
        if (res.statusCode() != 303) {
            throw new AssertionError("link not made: " + res.statusCode() + " " + res.body());
        }
    }

    @Override
    public void close() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }
}
