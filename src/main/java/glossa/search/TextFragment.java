package glossa.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Text Fragment directives ({@code :~:text=}, WICG), appended to a paragraph's {@code #p12} so that a
 * browser that knows them scrolls to and marks the very sentence; others just open the paragraph.
 */
final class TextFragment {

    /** Sentences longer than this are named by their first and last words, as the spec's range form allows. */
    static final int WHOLE_UP_TO = 80;

    private static final int EDGE_WORDS = 4;

    private TextFragment() {}

    /** {@code :~:text=...}, or empty when there is no text. */
    static String directive(String sentence) {
        String s = sentence == null ? "" : sentence.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return "";
        }
        if (s.length() <= WHOLE_UP_TO) {
            return ":~:text=" + encode(s);
        }
        String[] words = s.split(" ");
        if (words.length <= EDGE_WORDS * 2) {
            return ":~:text=" + encode(s);
        }
        String start = String.join(" ", java.util.Arrays.copyOfRange(words, 0, EDGE_WORDS));
        String end = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - EDGE_WORDS, words.length));
        return ":~:text=" + encode(start) + "," + encode(end);
    }

    /** Percent-encodes, including the characters the directive itself uses ({@code - , &}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("-", "%2D")
                .replace("*", "%2A");
    }
}
