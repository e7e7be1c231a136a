package glossa.accounts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A username as stored: NFKC-normalised (so that full-width "ａｎｎａ" and "anna" are the same
 * name) and a lower-case key that is unique, so names differing only in case cannot both exist.
 * Names that merely look alike are kept apart by their {@link #skeleton()} ({@link Confusables}).
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
            throw new InvalidInput(
                    "username", "A username is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        boolean ok = name.codePoints()
                .allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.' || isMark(cp));
        if (!ok) {
            throw new InvalidInput("username", "A username may hold letters, digits, '.', '-' and '_' only.");
        }
        if (isMark(name.codePointAt(0))) {
            throw new InvalidInput("username", "A username starts with a letter or a digit, not an accent.");
        }
        if (name.codePoints().anyMatch(cp -> UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT))
                || Confusables.hasInvisibleMarks(name)) {
            throw new InvalidInput(
                    "username", "A username may not hold invisible characters or the same accent twice.");
        }
        return new Username(name, Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC));
    }

    /** The skeleton under which lookalikes of this name are found (hashed; see {@link Confusables}). */
    public String skeleton() {
        return Confusables.skeleton(display);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The comparison key for a name typed at sign-in, without judging it. */
    public static String keyOf(String raw) {
        String name = Normalizer.normalize(raw == null ? "" : raw.strip(), Normalizer.Form.NFKC);
        return Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
