package glossa.annotations;

import java.util.Locale;
import java.util.Optional;

/**
 * What a note is. A highlight may have an empty body; comments and questions may not. ANCHOR is not a
 * note but a bare passage that links and claim pages point to; readers never choose it.
 */
public enum Kind {
    COMMENT,
    QUESTION,
    HIGHLIGHT,
    ANCHOR;

    /** The kinds a reader may give a note. */
    public static final java.util.List<Kind> CHOSEN_BY_READERS = java.util.List.of(COMMENT, QUESTION, HIGHLIGHT);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.of(COMMENT);
        }
        for (Kind k : CHOSEN_BY_READERS) {
            if (k.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
