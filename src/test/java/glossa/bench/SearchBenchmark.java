package glossa.bench;

import glossa.TestApp;
import glossa.search.SearchResults;
import glossa.search.SearchService;
import glossa.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search at scale: a generated corpus of 1,000 essays the size of the seeds (the five real ones and
 * 995 made from their paragraphs with a fifth of the words swapped for others of the corpus and a few
 * invented words, so the vocabulary grows as a real corpus's does) and 100,000 notes written straight
 * into the database. Measures, in process: the whole index built from the database, its size on
 * disk, two-word queries (p50, p99), suggestions for a passage, and one idle poll of the indexer.
 * Run with {@code bin/bench SearchBenchmark}.
 */
public final class SearchBenchmark {

    private static final int ESSAYS = 1000;
    private static final int NOTES = 100_000;
    private static final int QUERIES = 2000;
    private static final int SUGGESTIONS = 300;
    private static final Pattern WORD = Pattern.compile("[A-Za-z][a-z]{3,}");

    public static void main(String[] args) throws Exception {
        Random random = new Random(12);
        List<String> paragraphs = new ArrayList<>();
        List<String> vocabulary = new ArrayList<>();
        int seedWords = 0;
        int seeds = 0;
        try (Stream<Path> files = Files.list(TestApp.PROJECT_CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = Files.readString(f);
                String body = text.substring(text.indexOf("\n---", 3) + 4);
                seedWords += body.split("\\s+").length;
                seeds++;
                for (String p : body.split("\n\n")) {
                    if (p.length() > 200 && !p.startsWith("[^") && !p.startsWith("#")) {
                        paragraphs.add(p.strip());
                        Matcher m = WORD.matcher(p);
                        while (m.find()) {
                            vocabulary.add(m.group().toLowerCase());
                        }
                    }
                }
            }
        }
        int wordsPerEssay = seedWords / seeds;
        Path corpus = Files.createTempDirectory("search-bench-corpus");
        try (Stream<Path> files = Files.list(TestApp.PROJECT_CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        for (int i = seeds; i < ESSAYS; i++) {
            StringBuilder md = new StringBuilder("---\nslug: generated-" + i + "\ntitle: Generated essay " + i
                    + "\nauthor: Author " + (i % 200) + "\n---\n\n");
            int words = 0;
            while (words < wordsPerEssay) {
                String p = vary(paragraphs.get(random.nextInt(paragraphs.size())), vocabulary, random);
                words += p.split("\\s+").length;
                md.append(p).append("\n\n");
            }
            Files.writeString(corpus.resolve("generated-" + i + ".md"), md);
        }
        System.out.printf(
                "corpus: %d essays of about %d words (the seeds' mean), %d distinct words in the seeds%n",
                ESSAYS, wordsPerEssay, vocabulary.stream().distinct().count());

        long t = System.nanoTime();
        try (TestApp app = TestApp.start(corpus, Clock.systemUTC())) {
            System.out.printf(
                    "server started (corpus imported, passages indexed) in %.1f s%n", (System.nanoTime() - t) / 1e9);
            SearchService search = app.app().search();
            insertNotes(app.dbUrl(), vocabulary, random);

            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            Thread.sleep(3000); // let the background indexer finish taking in the inserted notes
            t = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            search.rebuild();
            System.out.printf(
                    "whole index built from the database (%d essays, %d notes): %.1f s wall, %.1f s CPU of the process, %.1f MB on disk%n",
                    ESSAYS,
                    NOTES,
                    (System.nanoTime() - t) / 1e9,
                    (os.getProcessCpuTime() - cpu) / 1e9,
                    search.sizeOnDisk() / 1e6);

            long[] polls = new long[50];
            for (int i = 0; i < polls.length; i++) {
                long s = System.nanoTime();
                search.catchUp();
                polls[i] = System.nanoTime() - s;
            }
            System.out.println("one idle poll of the indexer: " + Stats.of(polls));

            List<String> common = vocabulary.subList(0, Math.min(vocabulary.size(), 20_000));
            for (int i = 0; i < 300; i++) {
                search.search(
                        common.get(random.nextInt(common.size())) + " " + common.get(random.nextInt(common.size())), 1);
            }
            long[] queries = new long[QUERIES];
            int totalHits = 0;
            for (int i = 0; i < QUERIES; i++) {
                String q = common.get(random.nextInt(common.size())) + " " + common.get(random.nextInt(common.size()));
                long s = System.nanoTime();
                SearchResults r = search.search(q, 1);
                queries[i] = System.nanoTime() - s;
                totalHits += r.total();
            }
            System.out.println("two-word query, first page with facets and snippets: " + percentiles(queries)
                    + String.format(", mean %d matches", totalHits / QUERIES));

            long[] suggestions = new long[SUGGESTIONS];
            for (int i = 0; i < SUGGESTIONS; i++) {
                String p = paragraphs.get(random.nextInt(paragraphs.size())).replaceAll("[*_\\[\\]^0-9]", "");
                String[] words = p.split("\\s+");
                int from = random.nextInt(Math.max(1, words.length - 12));
                String quote =
                        String.join(" ", java.util.Arrays.copyOfRange(words, from, Math.min(words.length, from + 12)));
                long s = System.nanoTime();
                search.suggestPassages("generated-" + (seeds + random.nextInt(ESSAYS - seeds)), quote);
                suggestions[i] = System.nanoTime() - s;
            }
            System.out.println("suggestions for a passage: " + percentiles(suggestions));
        } finally {
            TestApp.deleteRecursively(corpus);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        java.util.Arrays.sort(s);
        return String.format(
                "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
                s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.9)] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6,
                s[s.length - 1] / 1e6,
                s.length);
    }

    /** A paragraph with about a fifth of its words swapped for words of the corpus, and one in fifty invented. */
    private static String vary(String paragraph, List<String> vocabulary, Random random) {
        String[] words = paragraph.split(" ");
        for (int i = 0; i < words.length; i++) {
            double r = random.nextDouble();
            if (r < 0.02) {
                words[i] = "w" + Integer.toString(random.nextInt(60_000), 36);
            } else if (r < 0.2) {
                words[i] = vocabulary.get(random.nextInt(vocabulary.size()));
            }
        }
        return String.join(" ", words);
    }

    private static void insertNotes(String dbUrl, List<String> vocabulary, Random random) throws Exception {
        long t = System.nanoTime();
        try (Database db = Database.open(dbUrl);
                Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long user;
            try (PreparedStatement u = c.prepareStatement(
                    "INSERT INTO app_user (username, username_key, password_hash, role, created_at)"
                            + " VALUES ('bench', 'bench', 'x', 'MEMBER', ?)",
                    new String[] {"id"})) {
                u.setTimestamp(1, now);
                u.executeUpdate();
                try (ResultSet k = u.getGeneratedKeys()) {
                    k.next();
                    user = k.getLong(1);
                }
            }
            List<Long> essays = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM essay")) {
                while (rs.next()) {
                    essays.add(rs.getLong(1));
                }
            }
            try (PreparedStatement n = c.prepareStatement(
                            "INSERT INTO annotation (essay_id, author_id, kind, body, body_html,"
                                    + " anchor_exact, anchor_method, anchor_start, anchor_end, version, created_at, updated_at)"
                                    + " VALUES (?, ?, 'COMMENT', ?, ?, ?, 'POSITION', 0, 10, 1, ?, ?)",
                            new String[] {"id"});
                    PreparedStatement tag = c.prepareStatement(
                            "INSERT INTO annotation_tag (annotation_id, tag, position) VALUES (?, ?, 0)")) {
                for (int i = 0; i < NOTES; i++) {
                    StringBuilder body = new StringBuilder();
                    int len = 8 + random.nextInt(40);
                    for (int w = 0; w < len; w++) {
                        body.append(w == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
                    }
                    n.setLong(1, essays.get(random.nextInt(essays.size())));
                    n.setLong(2, user);
                    n.setString(3, body.toString());
                    n.setString(4, "<p>" + body + "</p>");
                    n.setString(
                            5,
                            vocabulary.get(random.nextInt(vocabulary.size())) + " "
                                    + vocabulary.get(random.nextInt(vocabulary.size())));
                    n.setTimestamp(6, now);
                    n.setTimestamp(7, now);
                    n.executeUpdate();
                    long id;
                    try (ResultSet k = n.getGeneratedKeys()) {
                        k.next();
                        id = k.getLong(1);
                    }
                    tag.setLong(1, id);
                    tag.setString(2, "tag" + random.nextInt(50));
                    tag.executeUpdate();
                    if (i % 5000 == 4999) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
        System.out.printf("inserted %d notes in %.1f s%n", NOTES, (System.nanoTime() - t) / 1e9);
    }

    private SearchBenchmark() {}
}
