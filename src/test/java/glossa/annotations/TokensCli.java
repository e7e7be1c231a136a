package glossa.annotations;

import glossa.TestApp;
import glossa.accounts.AccountService;
import glossa.accounts.AuditLog;
import glossa.accounts.Passwords;
import glossa.accounts.Role;
import glossa.accounts.SessionStore;
import glossa.accounts.SigninThrottle;
import glossa.accounts.Tokens;
import glossa.accounts.UserRepository;
import glossa.storage.Database;
import java.time.Clock;

/** Makes users with roles directly in a test server's database, as the command line would. */
final class TokensCli {

    private TokensCli() {}

    /** The password of the moderators made here. */
    static final String PASSWORD = "moderator password";

    static void addModerator(TestApp app, String name) throws Exception {
        try (Database db = Database.open(app.dbUrl())) {
            var jdbc = db.jdbc();
            Clock clock = Clock.systemUTC();
            new AccountService(
                            new UserRepository(jdbc),
                            new Passwords(),
                            new SessionStore(jdbc, new Tokens(), clock),
                            new SigninThrottle(jdbc, clock),
                            new AuditLog(jdbc, clock),
                            clock)
                    .create(name, PASSWORD, Role.MODERATOR);
        }
    }
}
