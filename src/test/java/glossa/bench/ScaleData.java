package glossa.bench;

import glossa.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fills a PostgreSQL database for the scale benchmark (bin/bench scale). Two steps, each its own command:
 * <ul>
 * <li>{@code notes BASE_URL N [PUBLIC_BASE_URL]}: through a running server's API, N real notes on each seed essay, each on a
 * different sentence (so they are anchored as a reader's would be);
 * <li>{@code clone JDBC_URL ESSAYS}: in SQL, copies of the seed essays (text, revision and notes) until there
 * are ESSAYS essays, every copy with the seed's notes: 10,000 essays with 100 notes each are 1,000,000 notes.
 * Triggers are off for the session ({@code session_replication_role = replica}), so the change log is not
 * filled with a million rows nobody follows; servers started afterwards read the tables.
 * </ul>
 */
public final class ScaleData {

    private ScaleData() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "notes" -> notes(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : args[1]);
            case "clone" -> cloneEssays(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("notes BASE_URL N [PUBLIC_BASE_URL] | clone JDBC_URL ESSAYS");
        }
    }

    /** @param publicBase the server's public address (its --base-url), which notes name as their source */
    private static void notes(String base, int perEssay, String publicBase) throws Exception {
        WebClient web = new WebClient(base);
        web.signUp("bench", "correct horse battery");
        web.signIn("bench", "correct horse battery");
        String token = Jsoup.parse(web.submit("/users/bench", "/account/tokens", Map.of("name", "bench"))
                        .body())
                .selectFirst("code.token")
                .text();
        Document index = Jsoup.parse(web.get("/").body());
        for (Element a : index.select(".essay-card h2 a")) {
            String path = a.attr("href");
            int made = 0;
            int refused = 0;
            for (String sentence : sentences(Jsoup.parse(web.get(path).body()))) {
                if (made == perEssay) {
                    break;
                }
                HttpResponse<String> res = web.send(HttpRequest.newBuilder(URI.create(base + "/api/annotations/"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/ld+json")
                        .POST(HttpRequest.BodyPublishers.ofString(note(publicBase + path, sentence, made)))
                        .build());
                if (res.statusCode() == 201) {
                    made++;
                } else if (++refused <= 3) {
                    System.out.println("refused (" + res.statusCode() + "): "
                            + res.body().substring(0, Math.min(300, res.body().length())));
                }
            }
            System.out.println(path + ": " + made + " notes");
        }
    }

    /** Sentences of the essay's paragraphs, each once, long enough to be a reader's quote. */
    private static List<String> sentences(Document page) {
        Set<String> out = new LinkedHashSet<>();
        for (Element p : page.select("article p, main p")) {
            for (String s : p.text().split("(?<=[.!?])\\s+")) {
                if (s.length() >= 20 && s.length() <= 400) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static String note(String source, String exact, int n) {
        String body =
                "Note " + n + ": this passage deserves a second look; compare the argument elsewhere in the essay.";
        return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"motivation\":\"commenting\","
                + "\"body\":[{\"type\":\"TextualBody\",\"value\":" + json(body) + ",\"format\":\"text/markdown\"}],"
                + "\"target\":{\"source\":" + json(source) + ",\"selector\":[{\"type\":\"TextQuoteSelector\",\"exact\":"
                + json(exact) + "}]}}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static final String NOTE_COLUMNS =
            "author_id, kind, body, body_html, made_exact, made_prefix, made_suffix, made_start, "
                    + "made_end, anchor_method, anchor_start, anchor_end, anchor_exact, anchor_prefix, anchor_suffix, version, created_at, "
                    + "updated_at, via";

    private static void cloneEssays(String url, int essays) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            List<Long> seeds = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM essay ORDER BY id")) {
                while (rs.next()) {
                    seeds.add(rs.getLong(1));
                }
            }
            int copies = essays - seeds.size();
            long started = System.nanoTime();
            c.setAutoCommit(false);
            for (int i = 0; i < seeds.size(); i++) {
                long seed = seeds.get(i);
                // Copies i, i + seeds, i + 2 * seeds, ... so the seeds share the copies evenly.
                int mine = copies / seeds.size() + (i < copies % seeds.size() ? 1 : 0);
                cloneOne(c, seed, mine);
                c.commit();
                System.out.printf("seed %d: %d copies, %.0f s%n", seed, mine, (System.nanoTime() - started) / 1e9);
            }
            c.setAutoCommit(true);
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM essay), (SELECT COUNT(*) FROM annotation),"
                    + " pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                System.out.printf("essays %d, notes %d, database %s%n", rs.getLong(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    private static void cloneOne(Connection c, long seed, int copies) throws SQLException {
        String tag = "-copy-";
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO essay (slug, created_at, revision_no, corpus_hash)"
                        + " SELECT e.slug || ? || g, e.created_at, e.revision_no, NULL FROM essay e CROSS JOIN generate_series(1, ?) g WHERE e.id = ?")) {
            ps.setString(1, tag);
            ps.setInt(2, copies);
            ps.setLong(3, seed);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO essay_revision (essay_id, revision_no, content_hash, source_file, title,"
                        + " subtitle, author, published, publication, source_url, title_note, markdown, html, canonical_text, offset_map,"
                        + " word_count, imported_at, editor_id, summary)"
                        + " SELECT x.id, r.revision_no, r.content_hash, r.source_file, r.title || ' (' || substr(x.slug, length(e.slug) + length(?) + 1) || ')',"
                        + " r.subtitle, r.author, r.published, r.publication, r.source_url, r.title_note, r.markdown, r.html, r.canonical_text,"
                        + " r.offset_map, r.word_count, r.imported_at, r.editor_id, r.summary"
                        + " FROM essay e JOIN essay_revision r ON r.essay_id = e.id JOIN essay x ON x.slug LIKE e.slug || ? || '%'"
                        + " WHERE e.id = ? AND r.revision_no = e.revision_no")) {
            ps.setString(1, tag);
            ps.setString(2, tag);
            ps.setLong(3, seed);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO annotation (essay_id, made_on_revision_id, anchor_revision_id, "
                        + NOTE_COLUMNS + ") SELECT x.id, xr.id, xr.id, " + prefixed("n.", NOTE_COLUMNS)
                        + " FROM essay e JOIN essay x ON x.slug LIKE e.slug || ? || '%' JOIN essay_revision xr ON xr.essay_id = x.id"
                        + " JOIN annotation n ON n.essay_id = e.id WHERE e.id = ? AND n.deleted_at IS NULL AND n.parent_id IS NULL")) {
            ps.setString(1, tag);
            ps.setLong(2, seed);
            ps.executeUpdate();
        }
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
