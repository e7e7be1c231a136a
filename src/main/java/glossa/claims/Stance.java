package glossa.claims;

import java.util.Locale;
import java.util.Optional;

/** How a passage stands to a claim. */
public enum Stance {
    SUPPORTS("supports"),
    DISPUTES("disputes"),
    ACCOUNT("gives an account");

    private final String label;

    Stance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stance> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Stance st : values()) {
            if (st.code().equalsIgnoreCase(s.strip())) {
                return Optional.of(st);
            }
        }
        return Optional.empty();
    }
}
