package glossa.accounts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A limit on how fast one account may write (every POST, PUT and DELETE made while signed in), so
 * that one runaway script or token cannot bury an essay under thousands of notes a second. Each
 * account has a token bucket of {@code perMinute} writes, refilled smoothly; past it the request is
 * refused with 429 and Retry-After before anything runs. Admins are exempt, and so are the
 * command-line imports, which do not pass through HTTP. Reading is never limited here.
 */
public final class WriteRateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final long perMinute;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute writes an account may make per minute; 0 turns the limit off */
    public WriteRateLimit(long perMinute) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("the write limit must be 0 (off) or more, got " + perMinute);
        }
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
        ConsumptionProbe probe = buckets.computeIfAbsent(user.id(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpResponseException(429, "You are writing faster than " + perMinute
                    + " changes a minute allow. Wait " + seconds + " seconds; nothing was saved.");
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
