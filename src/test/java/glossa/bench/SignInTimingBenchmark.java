package glossa.bench;

import glossa.MutableClock;
import glossa.accounts.AccountService;
import glossa.accounts.AuditLog;
import glossa.accounts.Passwords;
import glossa.accounts.Role;
import glossa.accounts.SessionStore;
import glossa.accounts.SigninThrottle;
import glossa.accounts.Tokens;
import glossa.accounts.UserRepository;
import glossa.storage.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A wrong password for a real user and any password for an unknown user must cost the same time, or
 * timing would reveal which usernames exist. Alternates the two through the whole sign-in path
 * (throttling sidestepped by moving the clock) and prints both distributions.
 */
public final class SignInTimingBenchmark {

    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Database db = Database.open("jdbc:h2:mem:timing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            var jdbc = db.jdbc();
            UserRepository users = new UserRepository(jdbc);
            AccountService accounts = new AccountService(
                    users,
                    new Passwords(),
                    new SessionStore(jdbc, new Tokens(), clock),
                    new SigninThrottle(jdbc, clock),
                    new AuditLog(jdbc, clock),
                    clock);
            accounts.create("anna", "the real password", Role.MEMBER);
            long[] wrong = new long[RUNS];
            long[] unknown = new long[RUNS];
            for (int i = -20; i < RUNS; i++) {
                clock.advance(Duration.ofHours(1));
                long t = System.nanoTime();
                accounts.signIn("anna", "a wrong password", "10.0.0.1");
                long w = System.nanoTime() - t;
                clock.advance(Duration.ofHours(1));
                t = System.nanoTime();
                accounts.signIn("nobody-" + i, "a wrong password", "10.0.0.2");
                long u = System.nanoTime() - t;
                if (i >= 0) {
                    wrong[i] = w;
                    unknown[i] = u;
                }
            }
            System.out.println("sign-in, existing user, wrong password: " + Stats.of(wrong));
            System.out.println("sign-in, unknown user:                  " + Stats.of(unknown));
        }
    }

    private SignInTimingBenchmark() {}
}
