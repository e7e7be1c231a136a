package glossa.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paths on this site: where a redirect may go, and how a name becomes one segment of a path.
 * Redirects only ever go to local paths, so that a link to our sign-in page cannot send a reader on
 * to another site afterwards (an open redirect helps phishing).
 */
public final class LocalPaths {

    /** Longer "next" values are refused: no real page of ours has such a path. */
    static final int MAX_NEXT = 500;
    /** Enough rounds to undo any encoding a browser or proxy might undo on the way. */
    private static final int DECODE_ROUNDS = 3;

    private LocalPaths() {}

    /**
     * {@code next} if it is a local path, else {@code "/"}. A local path starts with one {@code /}
     * followed by anything but {@code /}, {@code \} or a control character, and holds no backslash and
     * no control character anywhere, both as sent and after every round of percent-decoding:
     * browsers strip tabs and newlines and read {@code \} as {@code /}, so {@code /%09/evil.example}
     * or {@code /\evil.example} would leave the site. The sign-in and sign-up pages themselves are
     * not destinations (they would only show the form again).
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_NEXT) {
            return "/";
        }
        String form = next;
        for (int round = 0; round <= DECODE_ROUNDS; round++) {
            if (!looksLocal(form)) {
                return "/";
            }
            String decoded = decodeOnce(form);
            if (decoded == null) {
                return "/";
            }
            if (decoded.equals(form)) {
                return isAccountForm(form) ? "/" : asciiOnly(next);
            }
            form = decoded;
        }
        return "/";
    }

    private static boolean looksLocal(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        return path.codePoints().noneMatch(cp -> cp == '\\' || Character.isISOControl(cp));
    }

    /** Percent-decoding as a browser does it; null when a {@code %} escape is malformed. */
    private static String decodeOnce(String s) {
        try {
            // '+' means a space only in form bodies, not in paths: keep it as it is.
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-encodes what a Location header cannot carry as it is: spaces, quotes, angle brackets, non-ASCII. */
    private static String asciiOnly(String path) {
        StringBuilder out = new StringBuilder(path.length());
        path.codePoints().forEach(cp -> {
            if (cp > '~' || cp == ' ' || cp == '"' || cp == '<' || cp == '>') {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isAccountForm(String path) {
        String bare = path.split("[?#]", 2)[0];
        return bare.equals("/signin") || bare.equals("/signup");
    }

    /**
     * {@code name} as one path segment, percent-encoded as UTF-8 ({@code Tomá 2} becomes
     * {@code Tom%C3%A1%202}), so that a Location header or an IRI carries only ASCII.
     */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
