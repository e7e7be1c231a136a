package glossa.accounts;

import java.time.Duration;

/** The outcome of a sign-in attempt. A wrong password and an unknown user are the same {@link Failed}. */
public sealed interface SignInResult {

    /** Signed in: {@code sessionToken} goes into the session cookie. */
    record Success(User user, String sessionToken) implements SignInResult {}

    record Failed() implements SignInResult {}

    /** Too many recent failures; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInResult {}
}
