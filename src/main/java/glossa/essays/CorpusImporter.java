package glossa.essays;

import glossa.markdown.EssayRenderer;
import glossa.markdown.RenderedEssay;
import glossa.storage.Jdbc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a folder of corpus Markdown files. Idempotent: keyed by slug, a file whose SHA-256 equals
 * the newest stored revision is left alone, and a changed file adds a new revision while keeping
 * every old one. A bad file is reported with its name and line and skipped; the rest still import.
 */
public final class CorpusImporter {

    private static final Logger log = LoggerFactory.getLogger(CorpusImporter.class);

    private final Jdbc jdbc;
    private final EssayRepository essays;
    private final EssayRenderer renderer;
    private final Clock clock;
    private final RevisionListener listener;

    public CorpusImporter(
            Jdbc jdbc, EssayRepository essays, EssayRenderer renderer, Clock clock, RevisionListener listener) {
        this.jdbc = jdbc;
        this.essays = essays;
        this.renderer = renderer;
        this.clock = clock;
        this.listener = listener;
    }

    public ImportReport importDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        List<String> added = new ArrayList<>();
        List<String> revised = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        Map<String, Path> seenSlugs = new HashMap<>();
        for (Path path : files) {
            CorpusFile file;
            try {
                file = CorpusFile.parse(path, Files.readAllBytes(path));
            } catch (CorpusException e) {
                problems.add(new CorpusProblem(path, e.line(), e.getMessage()));
                continue;
            }
            Path earlier = seenSlugs.putIfAbsent(file.meta().slug(), path);
            if (earlier != null) {
                problems.add(new CorpusProblem(
                        path,
                        file.slugLine(),
                        "the slug '" + file.meta().slug() + "' is already used by " + earlier.getFileName()));
                continue;
            }
            switch (store(file)) {
                case ADDED -> added.add(file.meta().slug());
                case REVISED -> revised.add(file.meta().slug());
                case UNCHANGED -> unchanged.add(file.meta().slug());
            }
        }
        problems.forEach(p -> log.warn("corpus file skipped: {}", p));
        ImportReport report = new ImportReport(added, revised, unchanged, problems);
        log.info("corpus import from {}: {}", dir, report.summary());
        return report;
    }

    private static String fileName(CorpusFile file) {
        return file.path().getFileName().toString();
    }

    private enum Outcome {
        ADDED,
        REVISED,
        UNCHANGED
    }

    private record Stored(Outcome outcome, long essayId, long revisionId) {}

    private Outcome store(CorpusFile file) {
        String slug = file.meta().slug();
        Stored stored = jdbc.inTransaction(tx -> {
            // Compared with the file last imported, not with the newest text: an essay edited in the
            // browser since keeps its edits until its file itself changes.
            var lastFile = essays.corpusHash(tx, slug);
            if (lastFile.isPresent() && lastFile.get().equals(file.contentHash())) {
                return new Stored(Outcome.UNCHANGED, 0, 0);
            }
            if (essays.currentHash(tx, slug).filter(file.contentHash()::equals).isPresent()) {
                // The file holds the current text already (say, written by export-essays): nothing to add.
                essays.rememberCorpusHash(tx, slug, file.contentHash());
                return new Stored(Outcome.UNCHANGED, 0, 0);
            }
            int base = essays.newestRevisionNo(tx, slug);
            RenderedEssay rendered = renderer.render(file.markdown());
            RevisionIds ids = essays.insertRevision(
                            tx,
                            file.toRevision(
                                    base == 0
                                            ? "imported from " + fileName(file)
                                            : fileName(file) + " changed on disk"),
                            rendered,
                            base,
                            clock.instant())
                    .orElseThrow(() -> new IllegalStateException("essay " + slug + " changed during its import"));
            return new Stored(base > 0 ? Outcome.REVISED : Outcome.ADDED, ids.essayId(), ids.revisionId());
        });
        if (stored.outcome() == Outcome.REVISED) {
            // After the commit, so that the notes move only once the new text is safely stored.
            listener.revisionAdded(stored.essayId(), stored.revisionId());
        }
        return stored.outcome();
    }
}
