package glossa.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in user may do. Anonymous readers have no role (and may only read). Each role can do
 * everything the ones before it can.
 */
public enum Role {
    /** Writes, and edits or deletes their own content. */
    MEMBER,
    /** Also adds essays and edits their text (every edit a revision that carries the notes). */
    EDITOR,
    /** Also hides or restores anyone's content and reverts claim pages. */
    MODERATOR,
    /** Also manages users and roles, and reads the audit log. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
