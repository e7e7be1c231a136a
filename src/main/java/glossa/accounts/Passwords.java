package glossa.accounts;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import java.util.Arrays;

/**
 * Password hashing with Argon2id (argon2-jvm, the reference C implementation). Parameters follow
 * OWASP's minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    /** Long enough for any passphrase, short enough that hashing it is no denial of service. */
    public static final int MAX_LENGTH = 1000;

    private static final int ITERATIONS = 2;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PARALLELISM = 1;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    /** Verified against when the user does not exist, so that both failures cost the same time. */
    private final String decoyHash = hash("decoy password that matches nothing");

    /** Checks a new password; the message names the {@code password} field's rule that is broken. */
    public static void check(String password) throws InvalidInput {
        if (password == null || password.codePoints().allMatch(Passwords::isBlank)) {
            throw new InvalidInput("password", "A password cannot be blank or only spaces.");
        }
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInput("password", "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInput("password", "A password may have at most " + MAX_LENGTH + " characters.");
        }
    }

    /** Spaces of every kind, line breaks, and invisible formatting characters such as U+200B. */
    private static boolean isBlank(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT
                || Character.isISOControl(cp);
    }

    public String hash(String password) {
        char[] chars = password.toCharArray();
        try {
            return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    public boolean verify(String hash, String password) {
        if (password == null || password.length() > MAX_LENGTH * 2) {
            return false;
        }
        if (hash == null || !hash.startsWith("$argon2")) {
            // An account that cannot sign in (imported, say): spend the same time, then refuse.
            verifyDecoy(password);
            return false;
        }
        char[] chars = password.toCharArray();
        try {
            return argon2.verify(hash, chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Spends the time of one verification without a user, so unknown names are not revealed by timing. */
    public void verifyDecoy(String password) {
        verify(decoyHash, password == null ? "" : password);
    }
}
