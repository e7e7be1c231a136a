package glossa.accounts;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * Usernames that look alike. Two names are confusable when their skeletons are equal: the skeleton of
 * Unicode Technical Standard #39 (ICU4J's {@link SpoofChecker}) maps every character to a
 * representative of the characters it can be mistaken for (Cyrillic "а" and Latin "a", "rn" and "m",
 * capital "I" and "l", "0" and "O") and drops invisible ones. On top of that, case is ignored and
 * accents are dropped, so that "Anna", "anna", "Anna" with a Cyrillic "A", and "Anná" all share one skeleton:
 * a reader cannot tell them apart at a glance, so one person may hold only one of them.
 */
final class Confusables {

    /** Immutable once built and safe to share between threads (ICU's documented contract). */
    private static final SpoofChecker SKELETONS =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    /** Flags the same combining mark stacked twice, which renders as one. */
    private static final SpoofChecker INVISIBLE =
            new SpoofChecker.Builder().setChecks(SpoofChecker.INVISIBLE).build();

    private Confusables() {}

    /**
     * The comparison form of {@code name}, hashed (SHA-256, hex) so that it fits an indexed column of a
     * fixed width however much the mapping lengthens the name.
     */
    static String skeleton(String name) {
        // Skeleton, lower case, skeleton again: the first pass turns "I" into "l" before lower-casing
        // could turn it into "i"; the second maps what lower-casing produced.
        String once = SKELETONS.getSkeleton(name);
        String twice = SKELETONS.getSkeleton(once.toLowerCase(Locale.ROOT));
        StringBuilder bare = new StringBuilder(twice.length());
        twice.codePoints()
                .filter(cp -> {
                    int type = Character.getType(cp);
                    return type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK;
                })
                .forEach(bare::appendCodePoint);
        return Tokens.hash(bare.toString());
    }

    /** True when {@code name} stacks a combining mark on itself, or holds an otherwise invisible trick. */
    static boolean hasInvisibleMarks(String name) {
        return INVISIBLE.failsChecks(name);
    }
}
