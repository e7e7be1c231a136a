package glossa.annotations;

import java.util.Locale;
import java.util.Optional;

/** What a note is. A highlight may have an empty body; comments and questions may not. */
public enum Kind {
    COMMENT, QUESTION, HIGHLIGHT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.of(COMMENT);
        }
        for (Kind k : values()) {
            if (k.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
