package glossa.accounts;

import java.time.Duration;

/** A password check refused unasked because of recent failures ({@link SigninThrottle}); try again after {@code retryAfter}. */
public final class TooManyAttempts extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Too many wrong passwords. Try again in " + SigninThrottle.inWords(retryAfter) + ".");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
