package glossa.search;

import glossa.essays.EssayRepository;
import glossa.essays.EssayRevision;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index following the database without any feature telling it: every {@link #POLL_INTERVAL}
 * it asks for rows changed since its high-water marks (essay and claim revisions by id, notes by id
 * and {@code updated_at}, links by id and {@code deleted_at}), rewrites their documents, removes the
 * deleted and hidden ones, and refreshes the near-real-time reader. A write therefore shows in search
 * within one interval plus a refresh, whichever process or server made it.
 *
 * <p>The window of written rows starts {@link #SLACK} before the previous poll began, by the clock
 * that stamps the rows (servers sharing a database are assumed to agree within that), so a
 * transaction committing late with an earlier {@code updated_at} is still seen, and a quiet database
 * costs a few index lookups per poll whatever its size; rows seen twice are skipped by their version.
 * Inserts are also found by id, whatever their timestamps (imports keep the original ones).
 */
final class Indexer implements AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    /**
     * A fresh index for more documents than this (notes plus a hundred per essay) is built after the
     * server starts rather than before: the seeds with their notes stay far below it, so tests and a
     * first `bin/run` search at once; 10,000 essays are far above it.
     */
    static final long BUILD_IN_BACKGROUND_ABOVE = 200_000;

    static final Duration SLACK = Duration.ofSeconds(5);
    /** Commits (fsync) at most this often; between commits changes are searchable but not yet durable. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final SearchIndex index;
    private final SearchSource source;
    private final EssayRepository essays;
    private final Documents documents;
    private final String database;
    private final Clock clock;
    private final Map<Long, Integer> noteVersions = new HashMap<>();
    private final Map<Long, Boolean> linkStates = new HashMap<>();
    private Marks marks = Marks.NONE;
    private Marks committedMarks = Marks.NONE;
    private long lastCommit;
    private ScheduledExecutorService poller;
    private volatile boolean closing;
    /** A background build started and has not finished. */
    private volatile boolean buildUnfinished;

    Indexer(
            SearchIndex index,
            SearchSource source,
            EssayRepository essays,
            Documents documents,
            String database,
            Clock clock) {
        this.clock = clock;
        this.index = index;
        this.source = source;
        this.essays = essays;
        this.documents = documents;
        this.database = database;
    }

    /** Builds the index when it is fresh, otherwise catches up from its committed marks; then polls in the background. */
    synchronized void start() throws IOException {
        boolean inBackground = false;
        if (index.isFresh() && source.size() > BUILD_IN_BACKGROUND_ABOVE) {
            // A large database: the server answers at once and search fills in when the build is done,
            // so a new server's start does not grow with the corpus.
            inBackground = true;
        } else if (index.isFresh()) {
            rebuild();
        } else {
            marks = Marks.from(index.committedMarks());
            committedMarks = marks;
            poll();
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-indexer");
            t.setDaemon(true);
            return t;
        });
        if (inBackground) {
            poller.execute(this::rebuildQuietly);
        }
        poller.scheduleWithFixedDelay(
                this::pollQuietly, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rebuildQuietly() {
        buildUnfinished = true;
        try {
            long started = System.nanoTime();
            rebuild();
            buildUnfinished = false;
            log.info("search index built in the background in {} s", (System.nanoTime() - started) / 1_000_000_000);
        } catch (Exception e) {
            // Polls go on from the marks reached; a restart rebuilds what is missing.
            log.warn("background search index build failed: {}", e.toString());
        }
    }

    /** Throws the index away and builds it again from the database. */
    synchronized void rebuild() throws IOException {
        index.removeAll();
        noteVersions.clear();
        linkStates.clear();
        long essayMark = source.maxEssayRevisionId();
        for (String slug : source.essaysChangedAfter(0)) {
            if (closing) {
                throw new IOException("stopped while building");
            }
            Optional<EssayRevision> e = essays.currentRevision(slug);
            if (e.isPresent()) {
                for (var d : documents.passages(e.get())) {
                    index.add(d);
                }
            }
        }
        long claimMark = source.maxClaimRevisionId();
        for (Rows.ClaimRow c : source.claims(0)) {
            index.add(documents.claim(c));
        }
        Instant started = clock.instant();
        Marks m = new Marks(essayMark, claimMark, 0, 0, started.minus(SLACK), 0);
        m = applyNotes(source.allNotes(), m, true);
        m = applyLinks(source.allLinks(), m, true);
        marks = m;
        commit();
        index.refresh();
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (Exception e) {
            // The next poll retries from the same marks; a database hiccup must not stop the indexer.
            log.warn("search indexer poll failed: {}", e.toString());
        }
    }

    /** One round: applies every change since the marks; refreshes the reader when anything changed. */
    synchronized boolean poll() throws IOException {
        Instant started = clock.instant();
        Marks m = marks;
        boolean changed = false;
        long essayMark = source.maxEssayRevisionId();
        if (essayMark > m.essayRevision()) {
            for (String slug : source.essaysChangedAfter(m.essayRevision())) {
                BooleanQuery q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.KIND, Documents.PASSAGE)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.ESSAY_ID, slug)), BooleanClause.Occur.FILTER)
                        .build();
                index.remove(q);
                Optional<EssayRevision> e = essays.currentRevision(slug);
                if (e.isPresent()) {
                    for (var d : documents.passages(e.get())) {
                        index.add(d);
                    }
                }
            }
            m = m.withEssayRevision(essayMark);
            changed = true;
        }
        long claimMark = source.maxClaimRevisionId();
        if (claimMark > m.claimRevision()) {
            for (Rows.ClaimRow c : source.claims(m.claimRevision())) {
                index.put(Documents.claimId(c.slug()), documents.claim(c));
            }
            m = m.withClaimRevision(claimMark);
            changed = true;
        }
        Marks beforeNotes = m;
        m = applyNotes(source.notesChanged(m.noteId(), m.since()), m, false);
        m = applyLinks(source.linksChanged(m.linkId(), m.since()), m, false);
        changed |= m.changes() != beforeNotes.changes();
        Instant next = started.minus(SLACK);
        marks = m.withChanges(0).withSince(next.isAfter(m.since()) ? next : m.since());
        if (changed) {
            index.refresh();
        }
        if (!marks.equals(committedMarks) && System.nanoTime() - lastCommit > COMMIT_INTERVAL.toNanos()) {
            commit();
        }
        return changed;
    }

    /** @param rebuilding the index was emptied: documents are added without looking for an old copy, dead rows skipped */
    private Marks applyNotes(List<Rows.Note> notes, Marks m, boolean rebuilding) throws IOException {
        for (Rows.Note n : notes) {
            if (closing && rebuilding) {
                throw new IOException("stopped while building");
            }
            m = m.withNote(n.id());
            Integer seen = noteVersions.put(n.id(), n.version());
            if (seen != null && seen == n.version()) {
                continue;
            }
            if (n.live() && rebuilding) {
                index.add(documents.note(n));
            } else if (n.live()) {
                index.put(Documents.noteId(n.id()), documents.note(n));
            } else if (!rebuilding) {
                index.remove(Documents.noteId(n.id()));
            }
            m = m.withChanges(m.changes() + 1);
        }
        return m;
    }

    private Marks applyLinks(List<Rows.Link> links, Marks m, boolean rebuilding) throws IOException {
        for (Rows.Link l : links) {
            m = m.withLink(l.id());
            Boolean seen = linkStates.put(l.id(), l.live());
            if (seen != null && seen == l.live()) {
                continue;
            }
            if (l.live() && rebuilding) {
                index.add(documents.link(l));
            } else if (l.live()) {
                index.put(Documents.linkId(l.id()), documents.link(l));
            } else if (!rebuilding) {
                index.remove(Documents.linkId(l.id()));
            }
            m = m.withChanges(m.changes() + 1);
        }
        return m;
    }

    private void commit() throws IOException {
        Map<String, String> data = marks.toMap();
        data.put(SearchIndex.SCHEMA_KEY, Fields.SCHEMA_VERSION);
        data.put(SearchIndex.DATABASE_KEY, database);
        index.commit(data);
        committedMarks = marks;
        lastCommit = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        // A build in the background stops at its next document (no interrupt: Lucene's files must not
        // see one), so a server that is told to stop does not wait for a whole build.
        closing = true;
        if (poller != null) {
            poller.shutdown();
        }
        synchronized (this) {
            if (buildUnfinished) {
                // Left empty, the index is fresh at the next start and built again in the background.
                index.removeAll();
            }
            commit();
        }
    }
}
