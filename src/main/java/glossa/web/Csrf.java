package glossa.web;

import glossa.storage.Jdbc;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection by signed tokens. A token is an HMAC, under a key kept in the database (shared by
 * every server process, surviving restarts), of the visitor's session id or, before sign-in, of a
 * random pre-session cookie. Every state-changing request that comes with cookies must carry the
 * token as the form field {@value #FIELD} or the header {@value #HEADER}; Bearer-token requests
 * carry no cookies an attacker could ride on, so they need none.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String PRE_SESSION_COOKIE = "glossa_pre";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public Csrf(Jdbc jdbc) {
        this.key = Base64.getDecoder().decode(loadOrCreateKey(jdbc));
    }

    private String loadOrCreateKey(Jdbc jdbc) {
        String select = "SELECT secret FROM server_secret WHERE name = 'csrf'";
        return jdbc.queryOne(select, rs -> rs.getString(1)).orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            try {
                jdbc.update(
                        "INSERT INTO server_secret (name, secret) VALUES ('csrf', ?)",
                        Base64.getEncoder().encodeToString(bytes));
            } catch (RuntimeException e) {
                // Another process inserted its key first; use that one, read back below.
            }
            return jdbc.queryOne(select, rs -> rs.getString(1)).orElseThrow();
        });
    }

    /** The token for this visitor, creating the pre-session cookie if they have neither it nor a session. */
    public String token(Context ctx) {
        String binding = Requester.sessionToken(ctx);
        if (binding == null) {
            binding = ctx.cookie(PRE_SESSION_COOKIE);
            if (binding == null || binding.length() > 100) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                binding = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                Cookies.set(ctx, PRE_SESSION_COOKIE, binding, -1);
                ctx.attribute(PRE_SESSION_COOKIE, binding);
            }
        }
        return sign(binding);
    }

    /** Before-handler: refuses unsafe requests made with cookies but without a valid token. */
    public void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name()) || Requester.viaApiToken(ctx)) {
            return;
        }
        String binding = Requester.sessionToken(ctx);
        if (binding == null) {
            binding = ctx.cookie(PRE_SESSION_COOKIE);
        }
        if (binding == null && Api.isApi(ctx)) {
            // No cookie rides along, so there is nothing to forge: the API's own check answers 401.
            return;
        }
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (binding == null
                || sent == null
                || !MessageDigest.isEqual(
                        sign(binding).getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse(
                    "This form has expired or came from another site. Reload the page and try again.");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private String sign(String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(("csrf:" + binding).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JVM", e);
        }
    }
}
