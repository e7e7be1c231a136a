package glossa.anchoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds passages from words a reader typed (the form that works without JavaScript). Whitespace is
 * matched loosely, since people type one space where the text has a line break; quote marks too,
 * since keyboards type straight quotes where essays have curly ones.
 */
public final class QuoteFinder {

    private QuoteFinder() {}

    /** Every occurrence of {@code typed} in {@code text}, as code-point ranges, in document order. */
    public static List<TextPositionSelector> find(CodePointText text, String typed) {
        String needle = typed == null ? "" : typed.strip();
        List<TextPositionSelector> found = new ArrayList<>();
        if (needle.isEmpty()) {
            return found;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < needle.length(); ) {
            int cp = needle.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                while (i < needle.length() && Character.isWhitespace(needle.codePointAt(i))) {
                    i += Character.charCount(needle.codePointAt(i));
                }
                regex.append("\\s+");
            } else if (cp == '\'' || cp == '\u2018' || cp == '\u2019') {
                regex.append("['\u2018\u2019]");
            } else if (cp == '"' || cp == '\u201C' || cp == '\u201D') {
                regex.append("[\"\u201C\u201D]");
            } else {
                regex.append(java.util.regex.Pattern.quote(new String(Character.toChars(cp))));
            }
        }
        var matcher = java.util.regex.Pattern.compile(regex.toString()).matcher(text.text());
        while (matcher.find()) {
            found.add(new TextPositionSelector(text.toCodePoint(matcher.start()), text.toCodePoint(matcher.end())));
        }
        return found;
    }
}
