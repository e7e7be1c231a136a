package glossa.accounts;

import java.time.Instant;

/** A signed-up user as the rest of the application sees it: no password hash here. */
public record User(long id, String username, Role role, Instant createdAt) {

    public boolean can(Role needed) {
        return role.atLeast(needed);
    }
}
