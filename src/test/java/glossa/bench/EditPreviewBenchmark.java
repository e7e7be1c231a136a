package glossa.bench;

import glossa.TestApp;
import glossa.WebClient;
import glossa.editing.CliAccess;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;

/**
 * The preview of an edit to the longest essay carrying 10,000 notes: one POST that parses and renders
 * the edited Markdown, diffs it word by word against the current revision, and carries every note to
 * the new text (as a save would) without saving. The notes are made by copying one note made through
 * the form, at random passages, straight into the database: 10,000 form posts would only time the
 * note form. Run with {@code bin/bench EditPreviewBenchmark}.
 */
public final class EditPreviewBenchmark {

    private static final int NOTES = 10_000;
    private static final int WARMUP = 5;
    private static final int RUNS = 30;
    private static final String SLUG = "stalinisms-long-shadow";

    public static void main(String[] args) throws Exception {
        try (TestApp app = TestApp.withProjectCorpus()) {
            WebClient vera = app.client();
            vera.signUp("Vera", "correct horse battery");
            CliAccess.run(app.dbUrl(), "user", "role", "Vera", "editor");
            String text = app.get("/essays/" + SLUG + ".txt").body();
            int[] p = AnchoringBenchmark.randomPassage(text, new Random(5));
            int start = text.codePointCount(0, p[0]);
            HttpResponse<String> made = vera.submit(
                    "/essays/" + SLUG + "/annotate",
                    "/essays/" + SLUG + "/annotations",
                    Map.of(
                            "start",
                            Integer.toString(start),
                            "end",
                            Integer.toString(start + text.codePointCount(p[0], p[1])),
                            "body",
                            "Template note.",
                            "kind",
                            "comment",
                            "tags",
                            ""));
            if (made.statusCode() != 303) {
                throw new IllegalStateException("the template note was not made: " + made.statusCode());
            }
            copyNotes(app.dbUrl(), text, new Random(11));

            String source = Jsoup.parse(vera.get("/essays/" + SLUG + "/edit").body())
                    .selectFirst("textarea#markdown")
                    .wholeText();
            int bodyAt = source.indexOf("\n---", 3) + 4;
            String edited = source.substring(0, bodyAt)
                    + EditedText.apply(
                                    source.substring(bodyAt),
                                    EditGenerator.generate(source.substring(bodyAt), EditKind.MIXED, 3))
                            .text();
            String token = vera.csrfToken("/essays/" + SLUG + "/edit");
            Map<String, String> form =
                    Map.of("_csrf", token, "markdown", edited, "summary", "bench", "base", "1", "action", "preview");
            HttpResponse<String> first = vera.postForm("/essays/" + SLUG + "/edit", form);
            if (first.statusCode() != 200) {
                throw new IllegalStateException(first.statusCode() + " " + first.body());
            }
            System.out.println("notes: "
                    + Jsoup.parse(first.body()).selectFirst(".impact-summary").text() + " (" + source.length() / 1024
                    + " KB of Markdown)");
            for (int i = 0; i < WARMUP; i++) {
                vera.postForm("/essays/" + SLUG + "/edit", form);
            }
            long[] times = new long[RUNS];
            // CPU time of the whole process (server, client, GC, JIT) per request: on a machine shared with
            // other builds the wall time mostly measures the queue for a core, this much less so.
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                HttpResponse<String> res = vera.postForm("/essays/" + SLUG + "/edit", form);
                times[i] = System.nanoTime() - s;
                if (res.statusCode() != 200) {
                    throw new IllegalStateException("preview answered " + res.statusCode());
                }
            }
            long cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / RUNS;
            System.out.println("POST the preview of an edit with " + NOTES + " notes: " + Stats.of(times)
                    + String.format(java.util.Locale.ROOT, "; process CPU %.1f ms a request", cpuPerRequest / 1e6));
        }
    }

    /** Copies the one note made through the form to {@link #NOTES} random passages. */
    private static void copyNotes(String dbUrl, String text, Random random) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl)) {
            c.setAutoCommit(false);
            long template;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM annotation")) {
                rs.next();
                template = rs.getLong(1);
            }
            String columns =
                    "essay_id, author_id, kind, body, body_html, made_on_revision_id, anchor_revision_id, anchor_method,"
                            + " version, created_at, updated_at";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO annotation (" + columns
                    + ", made_exact, made_prefix, made_suffix, made_start, made_end, anchor_exact, anchor_prefix, anchor_suffix,"
                    + " anchor_start, anchor_end) SELECT " + columns
                    + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM annotation WHERE id = ?")) {
                for (int i = 0; i < NOTES; i++) {
                    int[] p = AnchoringBenchmark.randomPassage(text, random);
                    int start = text.codePointCount(0, p[0]);
                    int end = start + text.codePointCount(p[0], p[1]);
                    String exact = text.substring(p[0], p[1]);
                    String prefix = text.substring(Math.max(0, p[0] - 32), p[0]);
                    String suffix = text.substring(p[1], Math.min(text.length(), p[1] + 32));
                    Object[] values = {exact, prefix, suffix, start, end, exact, prefix, suffix, start, end, template};
                    for (int v = 0; v < values.length; v++) {
                        ps.setObject(v + 1, values[v]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private EditPreviewBenchmark() {}
}
