package glossa.accounts;

import glossa.storage.Jdbc;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Slows down password guessing, at sign-in and at the change-password form, without letting an
 * attacker lock anyone out. Two rules, both counted in the database so every server process sees them:
 * <ul>
 * <li><b>Per address and account.</b> After {@value #FREE_FAILURES} failures from one address for one
 * account, each further attempt from that address for that account waits 2, 4, 8... seconds after
 * the last failure, up to {@link #MAX_DELAY}. The same account from another address is not slowed:
 * the real user, elsewhere, still signs in with the right password at once. A success clears the count.
 * <li><b>Per address.</b> {@value #PER_ADDRESS} failures from one address in {@link #WINDOW}, whatever
 * the accounts, make that address wait until the oldest of them leaves the window.
 * </ul>
 * Every wait ends by itself. IPv6 addresses count by their /64 network, which one host usually holds
 * whole. Account names enter keys hashed, so a key has a fixed length however long the typed name.
 */
public final class SigninThrottle {

    /** Failures per address and account that cost nothing: enough for typos. */
    public static final int FREE_FAILURES = 5;
    /** The longest wait between attempts for one address and account. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** How long a failure counts towards the back-off; after this an address and account start afresh. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** The window of the per-address rule. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failures allowed per address in {@link #WINDOW}: higher, since several people may share one address. */
    public static final int PER_ADDRESS = 20;
    /** Doubling beyond this many steps would exceed {@link #MAX_DELAY} anyway; stops the shift overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    private final Jdbc jdbc;
    private final Clock clock;

    public SigninThrottle(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long to wait before trying again, if either rule applies. */
    public Optional<Duration> retryAfter(String usernameKey, String address) {
        Instant now = clock.instant();
        Optional<Duration> pair = backOff(pairKey(usernameKey, address), now);
        Optional<Duration> addr = addressCap(addressKey(address), now);
        if (pair.isPresent() && addr.isPresent()) {
            return Optional.of(pair.get().compareTo(addr.get()) > 0 ? pair.get() : addr.get());
        }
        return pair.isPresent() ? pair : addr;
    }

    public void recordFailure(String usernameKey, String address) {
        Instant now = clock.instant();
        var at = now.atOffset(ZoneOffset.UTC);
        jdbc.update(
                "INSERT INTO signin_failure (throttle_key, failed_at) VALUES (?, ?)",
                pairKey(usernameKey, address),
                at);
        jdbc.update("INSERT INTO signin_failure (throttle_key, failed_at) VALUES (?, ?)", addressKey(address), at);
        jdbc.update(
                "DELETE FROM signin_failure WHERE failed_at < ?",
                now.minus(FORGET_AFTER).atOffset(ZoneOffset.UTC));
    }

    /** The right password from this address: its back-off for this account starts afresh (the per-address count stays). */
    public void recordSuccess(String usernameKey, String address) {
        jdbc.update("DELETE FROM signin_failure WHERE throttle_key = ?", pairKey(usernameKey, address));
    }

    /** 2^(n - FREE_FAILURES + 1) seconds after the latest of n failures, capped at MAX_DELAY. */
    private Optional<Duration> backOff(String key, Instant now) {
        List<Instant> failures = failuresSince(key, now.minus(FORGET_AFTER));
        if (failures.size() < FREE_FAILURES) {
            return Optional.empty();
        }
        int doublings = Math.min(MAX_DOUBLINGS, failures.size() - FREE_FAILURES + 1);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        return remaining(failures.get(0).plus(delay), now);
    }

    private Optional<Duration> addressCap(String key, Instant now) {
        List<Instant> failures = failuresSince(key, now.minus(WINDOW));
        if (failures.size() < PER_ADDRESS) {
            return Optional.empty();
        }
        // Possible again when the PER_ADDRESS-th newest failure leaves the window.
        return remaining(failures.get(PER_ADDRESS - 1).plus(WINDOW), now);
    }

    /** Newest first. */
    private List<Instant> failuresSince(String key, Instant since) {
        return jdbc.query(
                "SELECT failed_at FROM signin_failure WHERE throttle_key = ? AND failed_at > ? ORDER BY failed_at DESC",
                rs -> rs.getTimestamp(1).toInstant(),
                key,
                since.atOffset(ZoneOffset.UTC));
    }

    private static Optional<Duration> remaining(Instant freeAt, Instant now) {
        Duration wait = Duration.between(now, freeAt);
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private static String pairKey(String usernameKey, String address) {
        return "pair:" + Tokens.hash(network(address) + "\n" + (usernameKey == null ? "" : usernameKey));
    }

    private static String addressKey(String address) {
        return "addr:" + Tokens.hash(network(address));
    }

    /** An IPv4 address as it is, an IPv6 address as its /64 network; anything else as given. */
    static String network(String address) {
        if (address == null || !address.contains(":") || address.length() > 64) {
            return address == null ? "" : address;
        }
        try {
            // A literal with ':' is parsed as IPv6, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** A wait in words: "4 seconds", "1 minute", "15 minutes". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /** Whole seconds for a Retry-After header, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
