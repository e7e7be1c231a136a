package glossa.accounts;

import glossa.storage.Jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Slows down password guessing. Failures are counted per account and per address over a sliding
 * window; past the limit, sign-in answers 429 until the oldest failure in the window ages out. So a
 * lock-out always ends by itself: an attacker who keeps failing can delay a user by at most
 * {@link #WINDOW} after their last attempt, never lock them out for good.
 */
public final class SigninThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failures allowed per account in the window: enough for typos, too few for guessing. */
    static final int PER_ACCOUNT = 5;
    /** Failures allowed per address: higher, since many people may share one address. */
    static final int PER_ADDRESS = 20;

    private final Jdbc jdbc;
    private final Clock clock;

    public SigninThrottle(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long to wait before trying again, if either key is over its limit. */
    public Optional<Duration> retryAfter(String usernameKey, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = check("user:" + usernameKey, PER_ACCOUNT, now);
        Optional<Duration> ip = check("addr:" + address, PER_ADDRESS, now);
        if (account.isPresent() && ip.isPresent()) {
            return Optional.of(account.get().compareTo(ip.get()) > 0 ? account.get() : ip.get());
        }
        return account.isPresent() ? account : ip;
    }

    public void recordFailure(String usernameKey, String address) {
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.update("INSERT INTO signin_failure (throttle_key, failed_at) VALUES (?, ?)", "user:" + usernameKey, at);
        jdbc.update("INSERT INTO signin_failure (throttle_key, failed_at) VALUES (?, ?)", "addr:" + address, at);
        jdbc.update("DELETE FROM signin_failure WHERE failed_at < ?", clock.instant().minus(WINDOW).atOffset(ZoneOffset.UTC));
    }

    private Optional<Duration> check(String key, int limit, Instant now) {
        var since = now.minus(WINDOW).atOffset(ZoneOffset.UTC);
        var failures = jdbc.query("SELECT failed_at FROM signin_failure WHERE throttle_key = ? AND failed_at > ? ORDER BY failed_at DESC",
                rs -> rs.getTimestamp(1).toInstant(), key, since);
        if (failures.size() < limit) {
            return Optional.empty();
        }
        // The attempt becomes possible again when the limit-th newest failure leaves the window.
        Instant freeAt = failures.get(limit - 1).plus(WINDOW);
        Duration wait = Duration.between(now, freeAt);
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }
}
