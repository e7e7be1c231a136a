package glossa.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (session ids, API tokens) and the hashes under which they are stored. */
public final class Tokens {

    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    /** 256 random bits, URL-safe Base64, with an optional prefix that says what the secret is for. */
    public String newToken(String prefix) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256, hex. The tokens are random and long, so a fast hash is enough: there is nothing to guess. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
