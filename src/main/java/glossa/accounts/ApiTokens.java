package glossa.accounts;

import glossa.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Personal API tokens: created, listed, revoked, and checked on {@code Authorization: Bearer}. */
public final class ApiTokens {

    /** Tokens carry a prefix so that one pasted somewhere by mistake is recognisable. */
    static final String PREFIX = "glossa_";

    public static final int MAX_NAME = 100;

    private final Jdbc jdbc;
    private final Tokens tokens;
    private final Clock clock;

    public ApiTokens(Jdbc jdbc, Tokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new secret token for {@code userId}; the only time it is ever returned. */
    public String create(long userId, String name) throws InvalidInput {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new InvalidInput("name", "Give the token a name of 1 to " + MAX_NAME + " characters.");
        }
        String token = tokens.newToken(PREFIX);
        jdbc.insert(
                "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                "id",
                userId,
                clean,
                Tokens.hash(token),
                clock.instant().atOffset(ZoneOffset.UTC));
        return token;
    }

    public List<ApiToken> list(long userId) {
        return jdbc.query(
                "SELECT * FROM api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC", ApiTokens::map, userId);
    }

    /** Revokes one of the user's own tokens; false when there is no such active token of theirs. */
    public boolean revoke(long userId, long tokenId) {
        return jdbc.update(
                        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                        clock.instant().atOffset(ZoneOffset.UTC),
                        tokenId,
                        userId)
                == 1;
    }

    public Optional<User> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Optional<User> user = jdbc.queryOne(
                "SELECT u.id, u.username, u.role, u.created_at FROM api_token t"
                        + " JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                UserRepository::map,
                hash);
        user.ifPresent(u -> jdbc.update(
                "UPDATE api_token SET last_used_at = ? WHERE token_hash = ?",
                clock.instant().atOffset(ZoneOffset.UTC),
                hash));
        return user;
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
