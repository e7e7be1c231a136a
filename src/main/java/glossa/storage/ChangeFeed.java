package glossa.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the {@code change_log} table (migrations V23, V24: a row per write, in the writing
 * transaction, whichever server wrote it) and tells this server's in-memory state what changed, every
 * {@link #POLL_INTERVAL}, so that several servers on one database behave as one site.
 *
 * <p>A cache registers with {@link #addListener}; it is told each batch of changes once, in seq order,
 * on the feed's own thread, and must be quick. {@link #position()} is the highest seq seen, a database
 * version counter that only grows.
 *
 * <p>Sequence numbers are handed out when a row is inserted but become visible at commit, so a
 * slower transaction can show a smaller seq after a larger one was read. A missing seq below the
 * high-water mark is therefore looked for again on each poll for {@link #GAP_WAIT} (a rolled-back
 * transaction leaves a gap that never fills). Rows older than {@link #KEEP} are deleted: a server that
 * starts reads its state from the tables, not from the log.
 */
public final class ChangeFeed implements AutoCloseable {

    /** One written row: {@code kind} is the table's name, {@code refId} its id (0 when it has none). */
    public record Change(long seq, String kind, long refId) {}

    /** Told about changes made by any server, this one included. */
    @FunctionalInterface
    public interface Listener {
        void changed(List<Change> changes);
    }

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration GAP_WAIT = Duration.ofSeconds(10);
    static final Duration KEEP = Duration.ofHours(1);
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(5);
    /** Past this many open gaps (a burst of rollbacks) the oldest are given up on. */
    private static final int MAX_GAPS = 10_000;

    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Missing seqs below {@link #high}, with the nanoTime they were first missed. */
    private final Map<Long, Long> gaps = new HashMap<>();

    private volatile long high;
    private long lastPrune = System.nanoTime();
    private ScheduledExecutorService poller;

    public ChangeFeed(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts after the newest entry (state at start is read from the tables) and polls in the background. */
    public synchronized ChangeFeed start() {
        high = jdbc.queryOne("SELECT MAX(seq) FROM change_log", rs -> rs.getLong(1))
                .orElse(0L);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(
                this::pollQuietly, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The highest change seq this server has seen. */
    public long position() {
        return high;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // The database may be away for a while; the next poll starts from the same place.
            log.warn("change feed poll failed: {}", e.toString());
        }
    }

    /** One round: reads new entries and open gaps, tells the listeners; returns what it found. */
    public synchronized List<Change> poll() {
        long from = gaps.isEmpty() ? high : Math.min(high, Collections.min(gaps.keySet()) - 1);
        List<Change> rows = jdbc.query(
                "SELECT seq, kind, ref_id FROM change_log WHERE seq > ? ORDER BY seq FETCH FIRST " + BATCH
                        + " ROWS ONLY",
                rs -> new Change(rs.getLong(1), rs.getString(2), rs.getLong(3)),
                from);
        List<Change> fresh = new ArrayList<>();
        long now = System.nanoTime();
        for (Change c : rows) {
            if (c.seq() > high) {
                for (long s = high + 1; s < c.seq() && gaps.size() < MAX_GAPS; s++) {
                    gaps.put(s, now);
                }
                high = c.seq();
                fresh.add(c);
            } else if (gaps.remove(c.seq()) != null) {
                fresh.add(c);
            }
        }
        gaps.values().removeIf(first -> now - first > GAP_WAIT.toNanos());
        if (!fresh.isEmpty()) {
            tell(fresh);
        }
        if (now - lastPrune > PRUNE_INTERVAL.toNanos()) {
            lastPrune = now;
            jdbc.update(
                    "DELETE FROM change_log WHERE at < ?",
                    clock.instant().minus(KEEP).atOffset(ZoneOffset.UTC));
        }
        return fresh;
    }

    private void tell(List<Change> changes) {
        for (Listener l : listeners) {
            try {
                l.changed(changes);
            } catch (RuntimeException e) {
                // One cache failing to update must not keep the others stale.
                log.warn("change listener {} failed: {}", l, e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
