package glossa.accounts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A username as stored: NFKC-normalised (so that full-width "ａｎｎａ" and "anna" are the same
 * name) and a lower-case key that is unique, so names differing only in case cannot both exist.
 *
 * @param display the name as shown, normalised
 * @param key the unique comparison key
 */
public record Username(String display, String key) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;

    /** Normalises {@code raw} and checks it; the message says what is wrong in words a user can act on. */
    public static Username parse(String raw) throws InvalidInput {
        String name = Normalizer.normalize(raw == null ? "" : raw.strip(), Normalizer.Form.NFKC);
        int length = name.codePointCount(0, name.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInput("username", "A username is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        boolean ok = name.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.'
                || Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.COMBINING_SPACING_MARK);
        if (!ok) {
            throw new InvalidInput("username", "A username may hold letters, digits, '.', '-' and '_' only.");
        }
        return new Username(name, Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC));
    }

    /** The comparison key for a name typed at sign-in, without judging it. */
    public static String keyOf(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
