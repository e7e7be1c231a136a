package glossa.accounts;

import java.time.Clock;
import java.util.Optional;

/**
 * The rules of accounts: who may sign up, sign in, change a password or a role. Web forms, the JSON
 * API and the command line all come through here, so every path obeys the same rules and leaves
 * the same audit trail.
 */
public final class AccountService {

    private static final String TAKEN = "That username is taken.";

    private final UserRepository users;
    private final Passwords passwords;
    private final SessionStore sessions;
    private final SigninThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(
            UserRepository users,
            Passwords passwords,
            SessionStore sessions,
            SigninThrottle throttle,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a member; throws with the field at fault, creating nothing. */
    public User signUp(String rawName, String password, String address) throws InvalidInput {
        User user = create(rawName, password, Role.MEMBER);
        audit.record(user.id(), "signup", user.username(), null, address);
        return user;
    }

    /** Creates a user with any role; for the command line, which is trusted. */
    public User create(String rawName, String password, Role role) throws InvalidInput {
        Username name = Username.parse(rawName);
        Passwords.check(password);
        if (users.findByKey(name.key()).isPresent()) {
            throw new InvalidInput("username", TAKEN);
        }
        Optional<User> lookalike = users.findLookalike(name);
        if (lookalike.isPresent()) {
            throw new InvalidInput(
                    "username",
                    "That username looks too much like \u201c" + lookalike.get().username()
                            + "\u201d, which is taken; readers could not tell you apart. Choose one that reads differently.");
        }
        return users.create(name, passwords.hash(password), role, clock.instant())
                .orElseThrow(() -> new InvalidInput("username", TAKEN));
    }

    public SignInResult signIn(String rawName, String password, String address) {
        String key = Username.keyOf(rawName);
        Optional<java.time.Duration> wait = throttle.retryAfter(key, address);
        if (wait.isPresent()) {
            audit.record(null, "signin-throttled", rawName, null, address);
            return new SignInResult.Throttled(wait.get());
        }
        Optional<User> user = users.findByKey(key);
        boolean ok;
        if (user.isPresent()) {
            ok = passwords.verify(users.passwordHash(user.get().id()).orElseThrow(), password);
        } else {
            passwords.verifyDecoy(password);
            ok = false;
        }
        if (!ok) {
            throttle.recordFailure(key, address);
            audit.record(null, "signin-failed", rawName, null, address);
            return new SignInResult.Failed();
        }
        throttle.recordSuccess(key, address);
        audit.record(user.get().id(), "signin", user.get().username(), null, address);
        return new SignInResult.Success(user.get(), sessions.start(user.get().id()));
    }

    /**
     * Changes a password after checking the current one, throttled like sign-in (a wrong current
     * password counts as a failed sign-in from this address). Every other session of the user ends
     * and all their API tokens are revoked: whoever knew the old password may hold either.
     *
     * @return how many API tokens were revoked
     */
    public int changePassword(User user, String current, String next, String keepSession, String address)
            throws InvalidInput, TooManyAttempts {
        String key = Username.keyOf(user.username());
        Optional<java.time.Duration> wait = throttle.retryAfter(key, address);
        if (wait.isPresent()) {
            audit.record(user.id(), "password-change-throttled", user.username(), null, address);
            throw new TooManyAttempts(wait.get());
        }
        if (!passwords.verify(users.passwordHash(user.id()).orElseThrow(), current)) {
            throttle.recordFailure(key, address);
            audit.record(user.id(), "password-change-failed", user.username(), null, address);
            throw new InvalidInput("current", "That is not your current password.");
        }
        Passwords.check(next);
        int revoked = users.replacePassword(user.id(), passwords.hash(next), keepSession, clock.instant());
        audit.record(
                user.id(),
                "password-changed",
                user.username(),
                revoked == 0 ? null : revoked + " API tokens revoked",
                address);
        return revoked;
    }

    /** For the command line: sets a new password without the old one, ends every session and revokes every API token. */
    public void resetPassword(String rawName, String next) throws InvalidInput {
        User user = users.findByName(rawName)
                .orElseThrow(() -> new InvalidInput("username", "There is no user " + rawName + "."));
        Passwords.check(next);
        int revoked = users.replacePassword(user.id(), passwords.hash(next), null, clock.instant());
        audit.record(
                null,
                "password-reset",
                user.username(),
                "from the command line" + (revoked == 0 ? "" : "; " + revoked + " API tokens revoked"),
                null);
    }

    /** Changes a role; only admins may, and an admin may not demote themselves (there must stay one). */
    public User setRole(User actor, long targetId, Role role, String address) throws InvalidInput {
        if (actor != null && !actor.can(Role.ADMIN)) {
            throw new InvalidInput("role", "Only admins change roles.");
        }
        User target = users.findById(targetId).orElseThrow(() -> new InvalidInput("user", "There is no such user."));
        if (actor != null && actor.id() == target.id() && role != Role.ADMIN) {
            throw new InvalidInput("role", "You cannot take away your own admin role.");
        }
        users.setRole(target.id(), role);
        audit.record(
                actor == null ? null : actor.id(),
                "role-changed",
                target.username(),
                target.role().label() + " -> " + role.label(),
                address);
        return users.findById(target.id()).orElseThrow();
    }

    public void signOut(String sessionToken, User user, String address) {
        sessions.end(sessionToken);
        if (user != null) {
            audit.record(user.id(), "signout", user.username(), null, address);
        }
    }
}
