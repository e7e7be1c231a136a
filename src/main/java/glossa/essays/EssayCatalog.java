package glossa.essays;

import glossa.storage.ChangeFeed;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The newest revision of the essays, held in memory so a page view never parses Markdown nor reads a
 * large row, and loaded lazily so that nothing reads the whole corpus at start: the list of essays
 * ({@link #all()}) holds their metadata only, and the full revisions of the {@value #CACHED_ESSAYS}
 * most recently read essays are kept by slug. Both are dropped after an import or edit in this process
 * ({@link #reload()}) and whenever the change log ({@link ChangeFeed}) reports a write to the essay
 * tables from any server sharing the database, so a second server sees an edit within a second.
 */
public final class EssayCatalog implements ChangeFeed.Listener {

    /** Full revisions kept: a few hundred kilobytes each at most, a working set far above the five seeds. */
    static final int CACHED_ESSAYS = 256;

    private static final Set<String> ESSAY_TABLES = Set.of("essay", "essay_revision");

    private final EssayRepository essays;
    /** Every essay without its text: in title order, and by slug. */
    private record Summaries(List<EssayRevision> ordered, Map<String, EssayRevision> bySlug) {}

    private final AtomicReference<Summaries> summaries = new AtomicReference<>();
    private final Map<String, Optional<EssayRevision>> bySlug =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<EssayRevision>> eldest) {
                    return size() > CACHED_ESSAYS;
                }
            });
    /** Bumped by every invalidation, so a load that raced with one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    /** The newest revision id {@link #catchUp} saw in the database; -1 before the first call. */
    private final AtomicLong latestSeen = new AtomicLong(-1);

    public EssayCatalog(EssayRepository essays, Clock clock) {
        this.essays = essays;
    }

    /** Every essay's newest revision, by title, <b>without its text</b> (html and canonical text empty): use {@link #find} for that. */
    public List<EssayRevision> all() {
        return summaries().ordered();
    }

    /**
     * The newest revision of {@code slug} <b>without its text</b>, from the list: for titles and
     * metadata, where loading the text of thousands of essays in turn would be wasted.
     */
    public Optional<EssayRevision> summary(String slug) {
        return Optional.ofNullable(summaries().bySlug().get(slug));
    }

    private Summaries summaries() {
        Summaries s = summaries.get();
        if (s == null) {
            long g = generation.get();
            List<EssayRevision> list = List.copyOf(essays.currentSummaries());
            s = new Summaries(
                    list,
                    list.stream().collect(Collectors.toUnmodifiableMap(EssayRevision::slug, Function.identity())));
            if (g == generation.get()) {
                summaries.compareAndSet(null, s);
            }
        }
        return s;
    }

    /** The newest revision of {@code slug}, with its text. */
    public Optional<EssayRevision> find(String slug) {
        Optional<EssayRevision> cached = bySlug.get(slug);
        if (cached != null) {
            return cached;
        }
        long g = generation.get();
        Optional<EssayRevision> loaded = essays.currentRevision(slug);
        if (g == generation.get()) {
            bySlug.put(slug, loaded);
        }
        return loaded;
    }

    /** Forgets everything; the next reads load afresh. Called after an import or edit in this process. */
    public void reload() {
        generation.incrementAndGet();
        summaries.set(null);
        bySlug.clear();
    }

    /**
     * Forgets what it holds if the database has a revision newer than any it has seen (another process
     * stored it and the change feed has not said so yet): the page cache calls this before building a
     * page whose key came from the database, so a page cached under a key never shows an older text
     * than the key names.
     */
    public void catchUp() {
        long latest = essays.latestRevisionId();
        if (latestSeen.getAndSet(latest) != latest) {
            reload();
        }
    }

    @Override
    public void changed(List<ChangeFeed.Change> changes) {
        if (changes.stream().anyMatch(c -> ESSAY_TABLES.contains(c.kind()))) {
            reload();
        }
    }
}
