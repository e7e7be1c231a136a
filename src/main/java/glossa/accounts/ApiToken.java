package glossa.accounts;

import java.time.Instant;

/** A personal API token as listed to its owner; the secret itself is shown once, at creation, and never stored. */
public record ApiToken(long id, long userId, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
