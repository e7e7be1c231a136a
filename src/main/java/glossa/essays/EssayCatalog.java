package glossa.essays;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The newest revision of every essay, held in memory so a page view never parses Markdown nor reads
 * a large row. The snapshot is replaced after an import in this process, and otherwise re-checked at
 * most every {@link #RECHECK} against the database's newest revision id, so that another process
 * sharing the database (an import run, a second server) is seen within seconds.
 */
public final class EssayCatalog {

    static final Duration RECHECK = Duration.ofSeconds(5);

    private record Snapshot(long latestRevisionId, Instant checkedAt, List<EssayRevision> ordered,
                            Map<String, EssayRevision> bySlug) {
    }

    private final EssayRepository essays;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public EssayCatalog(EssayRepository essays, Clock clock) {
        this.essays = essays;
        this.clock = clock;
    }

    public List<EssayRevision> all() {
        return current().ordered();
    }

    public Optional<EssayRevision> find(String slug) {
        return Optional.ofNullable(current().bySlug().get(slug));
    }

    /** Reloads now; called after an import. */
    public void reload() {
        List<EssayRevision> revisions = essays.currentRevisions();
        long latest = essays.latestRevisionId();
        snapshot.set(new Snapshot(latest, clock.instant(), revisions,
                revisions.stream().collect(Collectors.toUnmodifiableMap(EssayRevision::slug, Function.identity()))));
    }

    /**
     * Reloads now if the database holds a revision this snapshot lacks (another process stored it): the
     * page cache calls this before building a page whose key came from the database, so that the page
     * cached under a key never shows an older text than the key names.
     */
    public void catchUp() {
        Snapshot s = snapshot.get();
        if (s == null || essays.latestRevisionId() != s.latestRevisionId()) {
            reload();
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot.get();
        if (s == null) {
            reload();
            return snapshot.get();
        }
        Instant now = clock.instant();
        if (Duration.between(s.checkedAt(), now).compareTo(RECHECK) >= 0) {
            if (essays.latestRevisionId() != s.latestRevisionId()) {
                reload();
            } else {
                snapshot.compareAndSet(s, new Snapshot(s.latestRevisionId(), now, s.ordered(), s.bySlug()));
            }
            return snapshot.get();
        }
        return s;
    }
}
