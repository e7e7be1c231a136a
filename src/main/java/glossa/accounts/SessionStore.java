package glossa.accounts;

import glossa.storage.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Sign-in sessions in the database, so they survive a restart and are shared by every server
 * process on the same database. The cookie holds a random token; the table holds its hash.
 */
public final class SessionStore {

    public static final Duration LIFETIME = Duration.ofDays(30);

    private final Jdbc jdbc;
    private final Tokens tokens;
    private final Clock clock;

    public SessionStore(Jdbc jdbc, Tokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Starts a new session and returns the cookie value; a fresh id every time, never reused. */
    public String start(long userId) {
        String token = tokens.newToken("");
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO user_session (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                Tokens.hash(token),
                userId,
                now.atOffset(ZoneOffset.UTC),
                now.plus(LIFETIME).atOffset(ZoneOffset.UTC));
        return token;
    }

    public Optional<User> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.queryOne(
                "SELECT u.id, u.username, u.role, u.created_at FROM user_session s JOIN app_user u ON u.id = s.user_id"
                        + " WHERE s.token_hash = ? AND s.expires_at > ?",
                UserRepository::map,
                Tokens.hash(token),
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    public void end(String token) {
        if (token != null) {
            jdbc.update("DELETE FROM user_session WHERE token_hash = ?", Tokens.hash(token));
        }
    }
}
