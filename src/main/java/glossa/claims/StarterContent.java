package glossa.claims;

import glossa.accounts.User;
import glossa.accounts.UserRepository;
import glossa.annotations.AnnotationException;
import glossa.annotations.AnnotationService;
import glossa.annotations.PassageInput;
import glossa.links.LinkService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the curated starter set that ships in {@code corpus/}: claim pages ({@code claims/*.md}),
 * the passages gathered on them ({@code claim-passages.tsv}) and links between essays
 * ({@code links.tsv}), all made by the user "glossa". Idempotent: a claim page that exists is left
 * as readers have edited it, and every line is imported once (keyed by a hash of the line).
 */
public final class StarterContent {

    private static final Logger log = LoggerFactory.getLogger(StarterContent.class);
    static final String EDITOR = "glossa";

    private final ClaimService claims;
    private final ClaimRepository claimRepository;
    private final LinkService links;
    private final UserRepository users;
    private final AnnotationService annotations;

    public StarterContent(
            ClaimService claims,
            ClaimRepository claimRepository,
            LinkService links,
            UserRepository users,
            AnnotationService annotations) {
        this.annotations = annotations;
        this.claims = claims;
        this.claimRepository = claimRepository;
        this.links = links;
        this.users = users;
    }

    /** Imports what is in {@code corpus}; returns the problems (file:line: reason), also logged. */
    public List<String> importFrom(Path corpus) throws IOException {
        List<String> problems = new ArrayList<>();
        Path claimDir = corpus.resolve("claims");
        if (!Files.isDirectory(claimDir)) {
            return problems;
        }
        User editor = users.findByName(EDITOR)
                .orElseGet(() -> users.findById(users.createImported(EDITOR)).orElseThrow());
        List<Path> files;
        try (Stream<Path> s = Files.list(claimDir)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path f : files) {
            importClaim(f, editor, problems);
        }
        rows(corpus.resolve("claim-passages.tsv"), 4, problems, (line, cols, where) -> {
            String key = hash(line);
            if (!claimRepository.starterPassageExists(key)) {
                PassageInput p = new PassageInput(
                        null, null, null, cols[3], cols.length > 4 && !cols[4].isEmpty() ? cols[4] : null, null, null);
                claims.attach(editor, cols[0], cols[1], p, cols[2], key);
            }
        });
        rows(corpus.resolve("links.tsv"), 5, problems, (line, cols, where) -> {
            String key = hash(line);
            if (!links.starterExists(key)) {
                var from = claimsAnchor(editor, cols[0], cols[1], key);
                links.link(
                        editor,
                        from,
                        cols[3],
                        new PassageInput(null, null, null, cols[4], null, null, null),
                        cols[2],
                        cols.length > 5 ? cols[5] : "",
                        key);
            }
        });
        problems.forEach(p -> log.warn("starter content skipped: {}", p));
        return problems;
    }

    private long claimsAnchor(User editor, String essay, String words, String key) throws AnnotationException {
        return annotations
                .createAnchor(
                        editor,
                        essay,
                        new PassageInput(null, null, null, words, null, null, null),
                        "starter:" + key + ":from")
                .id();
    }

    private void importClaim(Path file, User editor, List<String> problems) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String slug = null;
        String title = null;
        int body = -1;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.strip().equals("---")) {
                    body = i + 1;
                    break;
                }
                if (l.startsWith("slug:")) {
                    slug = l.substring(5).strip();
                } else if (l.startsWith("title:")) {
                    title = l.substring(6).strip();
                }
            }
        }
        if (slug == null || title == null || body < 0) {
            problems.add(file.getFileName() + ":1: a claim file needs front matter with slug and title");
            return;
        }
        if (claimRepository.find(slug).isPresent()) {
            return;
        }
        try {
            claims.create(editor, slug, title, String.join("\n", lines.subList(body, lines.size())), "Starter content");
        } catch (ClaimException e) {
            problems.add(file.getFileName() + ":2: " + e.getMessage());
        }
    }

    private interface Row {
        void apply(String line, String[] cols, String where) throws ClaimException, AnnotationException;
    }

    private static void rows(Path file, int minColumns, List<String> problems, Row row) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            String[] cols = line.split("\t", -1);
            if (cols.length < minColumns) {
                problems.add(where + ": expected at least " + minColumns + " tab-separated columns");
                continue;
            }
            try {
                row.apply(line, cols, where);
            } catch (ClaimException | AnnotationException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
    }

    static String hash(String line) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
