package glossa.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change log on a real database (H2, or PostgreSQL in that run): triggers write it, the feed reads it in order, gaps included. */
class ChangeFeedIT {

    private Database db;
    private Jdbc jdbc;
    private ChangeFeed feed;
    private final List<ChangeFeed.Change> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(TestApp.freshDb("feed"));
        jdbc = db.jdbc();
        feed = new ChangeFeed(jdbc, Clock.systemUTC());
        feed.addListener(heard::addAll);
    }

    @AfterEach
    void close() {
        feed.close();
        db.close();
    }

    @Test
    void aWriteLeavesAnEntryInItsOwnTransactionAndARolledBackOneLeavesNone() {
        long essay = jdbc.insert(
                "INSERT INTO essay (slug, created_at) VALUES ('e', ?)",
                "id",
                Instant.now().atOffset(ZoneOffset.UTC));
        List<ChangeFeed.Change> changes = feed.poll();
        assertEquals(
                List.of("essay"), changes.stream().map(ChangeFeed.Change::kind).toList());
        assertEquals(essay, changes.get(0).refId());
        assertEquals(changes, heard, "listeners hear what the poll found");
        try {
            jdbc.inTransaction(tx -> {
                tx.update("UPDATE essay SET slug = 'f' WHERE id = ?", essay);
                throw new IllegalStateException("refused half-way");
            });
        } catch (IllegalStateException expected) {
            // The update is rolled back, and its log entry with it.
        }
        assertEquals(List.of(), feed.poll());
    }

    @Test
    void anEntryCommittedLateBelowTheHighWaterMarkIsStillDelivered() {
        jdbc.update("INSERT INTO change_log (seq, kind, ref_id) VALUES (1, 'annotation', 10)");
        jdbc.update("INSERT INTO change_log (seq, kind, ref_id) VALUES (3, 'annotation', 30)");
        assertEquals(
                List.of(1L, 3L),
                feed.poll().stream().map(ChangeFeed.Change::seq).toList());
        // seq 2 was handed out first but commits only now: the gap is looked at again.
        jdbc.update("INSERT INTO change_log (seq, kind, ref_id) VALUES (2, 'annotation', 20)");
        assertEquals(
                List.of(2L), feed.poll().stream().map(ChangeFeed.Change::seq).toList());
        assertEquals(List.of(), feed.poll(), "each entry once");
        assertEquals(3, feed.position());
        assertTrue(heard.size() == 3);
    }
}
