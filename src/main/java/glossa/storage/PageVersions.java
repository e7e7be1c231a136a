package glossa.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The page version counters (essay.page_version, claim.page_version): advanced inside the transaction
 * of every write that changes a page, read by the page cache with one indexed query per view. Because
 * they live in the database, a write made by any server process or by a command-line tool makes every
 * process's cached copy stale at its commit, with no message between processes.
 *
 * <p>Each counter is advanced once per transaction, just before the commit and in id order
 * ({@link Jdbc#beforeCommit}). Its time is whole seconds, as Last-Modified has them; two changes in one
 * second share it, which is why a page changed this second is never answered 304 on its date alone.
 *
 * <p>Reads are memoised, so a page view asks the database nothing while nothing is written: a memo is
 * good while neither this server's count of committed counter bumps ({@link Jdbc#orderedCommits}) nor
 * the change feed's position (writes by other servers and tools) has moved since it was read. A write
 * through this server shows on the very next view; one through another server once this server's
 * change feed has seen it (a poll, 250 ms).
 */
public final class PageVersions {

    /** A page's stamp: a counter that every change advances, and the time of the last change (null: never changed). */
    public record Stamp(long version, Instant changedAt) {}

    /** What the essay page's validators need: the essay, its newest revision number and its counter. */
    public record EssayStamp(long essayId, int revisionNo, long version, Instant changedAt) {}

    private static final String BUMP = " SET page_version = page_version + 1, page_changed_at = ? WHERE id = ?";

    /** Stamps remembered, by page; an essay's is a few dozen bytes. */
    private static final int MEMO_SIZE = 20_000;

    private final Jdbc jdbc;
    private final LongSupplier feedPosition;
    private final Cache<String, Memo> memos =
            Caffeine.newBuilder().maximumSize(MEMO_SIZE).build();

    /** A stamp as read when the write count was {@code writes}. */
    private record Memo(Object stamp, long writes) {}

    /** {@code feedPosition}: the change feed's position, which moves when any server writes. */
    public PageVersions(Jdbc jdbc, LongSupplier feedPosition) {
        this.jdbc = jdbc;
        this.feedPosition = feedPosition;
    }

    /**
     * The memo of {@code key} if nothing was written since it was read, else a fresh read (the count
     * taken before it, so a write committing meanwhile spoils the memo). Absent pages are not memoised.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> memo(String key, Supplier<Optional<T>> read) {
        long writes = jdbc.orderedCommits() + feedPosition.getAsLong();
        Memo m = memos.getIfPresent(key);
        if (m != null && m.writes() == writes) {
            return Optional.of((T) m.stamp());
        }
        Optional<T> fresh = read.get();
        fresh.ifPresent(stamp -> memos.put(key, new Memo(stamp, writes)));
        return fresh;
    }

    /** Marks essay {@code essayId}'s page changed by the transaction {@code tx}. */
    public static void essay(Jdbc tx, long essayId) {
        tx.beforeCommit(String.format("essay:%019d", essayId), t -> bump(t, "essay", essayId));
    }

    /** Marks changed the page of the essay that annotation {@code annotationId} belongs to. */
    public static void essayOfAnnotation(Jdbc tx, long annotationId) {
        tx.queryOne("SELECT essay_id FROM annotation WHERE id = ?", rs -> rs.getLong(1), annotationId)
                .ifPresent(id -> essay(tx, id));
    }

    /**
     * Marks claim {@code claimId}'s page changed, and the pages of the essays whose passages it gathers
     * (their margins name the claim).
     */
    public static void claim(Jdbc tx, long claimId) {
        tx.beforeCommit(String.format("claim:%019d", claimId), t -> bump(t, "claim", claimId));
        tx.query(
                        "SELECT DISTINCT a.essay_id FROM claim_passage p JOIN annotation a ON a.id = p.annotation_id WHERE p.claim_id = ?",
                        rs -> rs.getLong(1),
                        claimId)
                .forEach(id -> essay(tx, id));
    }

    private static void bump(Jdbc tx, String table, long id) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
        tx.update("UPDATE " + table + BUMP, now, id);
    }

    /** The essay called {@code slug}, as the page cache needs it; empty if there is none. */
    public Optional<EssayStamp> essay(String slug) {
        return memo(
                "essay\n" + slug,
                () -> jdbc.queryOne(
                        "SELECT id, revision_no, page_version, page_changed_at FROM essay WHERE slug = ?",
                        rs -> new EssayStamp(
                                rs.getLong(1),
                                rs.getInt(2),
                                rs.getLong(3),
                                instant(rs.getObject(4, OffsetDateTime.class))),
                        slug));
    }

    /** Claim {@code slug}'s own stamp; empty if there is none. */
    public Optional<Stamp> claim(String slug) {
        return memo(
                "claim\n" + slug,
                () -> jdbc.queryOne(
                        "SELECT page_version, page_changed_at FROM claim WHERE slug = ?",
                        rs -> new Stamp(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class))),
                        slug));
    }

    /**
     * All essays together: the sum of their counters (which only grow, so any change anywhere changes the
     * sum), their number and revisions, and the newest change. Tens of rows: one cheap scan.
     */
    public Stamp allEssays() {
        return sum(
                "SELECT COALESCE(SUM(page_version + revision_no), 0) + COUNT(*) * 1000000007, MAX(page_changed_at) FROM essay");
    }

    /** All claims together, as {@link #allEssays} does for essays. */
    public Stamp allClaims() {
        return sum(
                "SELECT COALESCE(SUM(page_version + revision_no), 0) + COUNT(*) * 1000000007, MAX(page_changed_at) FROM claim");
    }

    private Stamp sum(String sql) {
        return this.<Stamp>memo(
                        sql,
                        () -> jdbc.queryOne(
                                sql, rs -> new Stamp(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)))))
                .orElseThrow();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
