package glossa.accounts;

import glossa.storage.DataAccessException;
import glossa.storage.Jdbc;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.Set;

/**
 * A limit on how fast one account may write (every POST, PUT and DELETE made while signed in), so
 * that one runaway script or token cannot bury an essay under thousands of notes a second. Each
 * account has a token bucket of {@code perMinute} writes, refilled smoothly; past it the request is
 * refused with 429 and Retry-After before anything runs. Admins are exempt, and so are the
 * command-line imports, which do not pass through HTTP. Reading is never limited here.
 *
 * <p>The buckets live in the database (table {@code write_bucket}), not in this server's memory, so
 * that servers behind a round-robin proxy count the same writes. Taking a token is one conditional
 * UPDATE, atomic on both databases, so two servers cannot both spend the last one.
 */
public final class WriteRateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private final Jdbc jdbc;
    private final Clock clock;
    private final long perMinute;

    /** @param perMinute writes an account may make per minute; 0 turns the limit off */
    public WriteRateLimit(Jdbc jdbc, Clock clock, long perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("the write limit must be 0 (off) or more, got " + perMinute);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** A before-filter: runs after the session is known, refuses a write over the account's limit. */
    public void check(Context ctx) {
        if (perMinute == 0 || !WRITES.contains(ctx.method().name())) {
            return;
        }
        User user = Sessions.currentUser(ctx).orElse(null);
        if (user == null || user.can(Role.ADMIN)) {
            return;
        }
        long wait = tryTake(user.id());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(
                    429,
                    "You are writing faster than " + perMinute + " changes a minute allow. Wait " + seconds
                            + " seconds; nothing was saved.");
        }
    }

    /** Takes one token; returns 0 when taken, otherwise the milliseconds until one is there. */
    long tryTake(long userId) {
        long now = clock.millis();
        double rate = perMinute / MILLIS_PER_MINUTE;
        // Tokens now = min(capacity, tokens + elapsed * rate); take one if at least one is there.
        String available = "LEAST(CAST(? AS DOUBLE PRECISION), tokens + (? - at_ms) * CAST(? AS DOUBLE PRECISION))";
        int taken = jdbc.update(
                "UPDATE write_bucket SET tokens = " + available + " - 1, at_ms = ? WHERE user_id = ? AND " + available
                        + " >= 1",
                (double) perMinute,
                now,
                rate,
                now,
                userId,
                (double) perMinute,
                now,
                rate);
        if (taken == 1) {
            return 0;
        }
        var tokens = jdbc.queryOne(
                "SELECT tokens + (? - at_ms) * CAST(? AS DOUBLE PRECISION) FROM write_bucket WHERE user_id = ?",
                rs -> rs.getDouble(1),
                now,
                rate,
                userId);
        if (tokens.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO write_bucket (user_id, tokens, at_ms) VALUES (?, ?, ?)",
                        userId,
                        perMinute - 1.0,
                        now);
                return 0;
            } catch (DataAccessException e) {
                // Another server made this account's bucket at the same moment: take from that one.
                return tryTake(userId);
            }
        }
        return Math.max(1, (long) Math.ceil((1 - tokens.get()) / rate));
    }
}
