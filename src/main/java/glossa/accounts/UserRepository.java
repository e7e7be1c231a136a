package glossa.accounts;

import glossa.storage.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Users in the database. */
public final class UserRepository {

    private static final String COLUMNS = "id, username, role, created_at";

    private final Jdbc jdbc;

    public UserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a user; empty when the name's key is already taken (checked by the unique constraint too). */
    Optional<User> create(Username name, String passwordHash, Role role, Instant now) {
        if (findByKey(name.key()).isPresent()) {
            return Optional.empty();
        }
        long id = jdbc.insert(
                "INSERT INTO app_user (username, username_key, username_skeleton, password_hash, role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                "id",
                name.display(),
                name.key(),
                name.skeleton(),
                passwordHash,
                role.name(),
                now.atOffset(ZoneOffset.UTC));
        return findById(id);
    }

    /**
     * Another user whose name looks like {@code name} (same skeleton, different key). Not a database
     * constraint: names made before the check existed may already look alike, and must stay.
     */
    Optional<User> findLookalike(Username name) {
        return jdbc.queryOne(
                "SELECT " + COLUMNS + " FROM app_user WHERE username_skeleton = ? AND username_key <> ? ORDER BY id",
                UserRepository::map,
                name.skeleton(),
                name.key());
    }

    /**
     * Gives every user made before skeletons existed (migration V11) their skeleton; computed here
     * because SQL cannot run ICU. Cheap once done: it touches only rows still without one.
     */
    public void fillMissingSkeletons() {
        var missing = jdbc.query(
                "SELECT id, username FROM app_user WHERE username_skeleton IS NULL",
                rs -> java.util.Map.entry(rs.getLong(1), rs.getString(2)));
        for (var row : missing) {
            jdbc.update(
                    "UPDATE app_user SET username_skeleton = ? WHERE id = ? AND username_skeleton IS NULL",
                    Confusables.skeleton(row.getValue()),
                    row.getKey());
        }
    }

    /**
     * Sets a new password hash and, in the same transaction, ends every session of the user but
     * {@code keepSession} (null: all of them) and revokes all their API tokens: whoever learnt the old
     * password may have made either. Returns how many tokens were revoked.
     */
    int replacePassword(long userId, String passwordHash, String keepSession, Instant now) {
        return jdbc.inTransaction(tx -> {
            tx.update("UPDATE app_user SET password_hash = ? WHERE id = ?", passwordHash, userId);
            tx.update(
                    "DELETE FROM user_session WHERE user_id = ? AND token_hash <> ?",
                    userId,
                    Tokens.hash(keepSession == null ? "" : keepSession));
            return tx.update(
                    "UPDATE api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                    now.atOffset(ZoneOffset.UTC),
                    userId);
        });
    }

    /**
     * A member made for an author named in an imported file. Their password hash is a marker no
     * password can match; they sign in after an admin resets it ({@code user password NAME}).
     */
    public long createImported(String name) {
        Username username = Username.keyOf(name).isEmpty()
                ? new Username("imported", "imported")
                : new Username(name, Username.keyOf(name));
        return jdbc.insert(
                "INSERT INTO app_user (username, username_key, username_skeleton, password_hash, role, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                "id",
                username.display(),
                username.key(),
                username.skeleton(),
                "!imported",
                Role.MEMBER.name(),
                java.time.OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Optional<User> findById(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM app_user WHERE id = ?", UserRepository::map, id);
    }

    public Optional<User> findByName(String typed) {
        return findByKey(Username.keyOf(typed));
    }

    Optional<User> findByKey(String key) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM app_user WHERE username_key = ?", UserRepository::map, key);
    }

    Optional<String> passwordHash(long userId) {
        return jdbc.queryOne("SELECT password_hash FROM app_user WHERE id = ?", rs -> rs.getString(1), userId);
    }

    public List<User> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username_key", UserRepository::map);
    }

    void setRole(long userId, Role role) {
        jdbc.update("UPDATE app_user SET role = ? WHERE id = ?", role.name(), userId);
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
