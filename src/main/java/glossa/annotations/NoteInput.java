package glossa.annotations;

import glossa.errors.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * What a reader writes: the Markdown body, tags and kind, checked.
 *
 * @param tags trimmed, without duplicates (compared ignoring case), in the order given
 */
public record NoteInput(String body, List<String> tags, Kind kind) {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 64;

    /** Checks raw input; {@code tagsText} is comma-separated, as typed in a form. */
    public static NoteInput parse(String body, String tagsText, String kind, boolean reply) throws AnnotationException {
        List<String> tags = new ArrayList<>();
        if (tagsText != null) {
            for (String t : tagsText.split(",")) {
                tags.add(t);
            }
        }
        return of(body, tags, kind, reply);
    }

    public static NoteInput of(String body, List<String> rawTags, String kind, boolean reply)
            throws AnnotationException {
        Kind k = Kind.parse(kind)
                .orElseThrow(() -> new AnnotationException(
                        Reason.INVALID, "kind", "The kind must be comment, question or highlight."));
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() && (reply || k != Kind.HIGHLIGHT)) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "body",
                    reply ? "A reply needs some text." : "A " + k.label() + " needs some text.");
        }
        if (hasControlCharacter(text)) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "body",
                    "The text holds a control character (such as NUL, or a right-to-left override) that cannot be shown as it is; remove it.");
        }
        if (text.codePointCount(0, text.length()) > MAX_BODY) {
            throw new AnnotationException(
                    Reason.INVALID,
                    "body",
                    "A note may have at most " + String.format(Locale.ROOT, "%,d", MAX_BODY) + " characters.");
        }
        LinkedHashMap<String, String> unique = new LinkedHashMap<>();
        for (String raw : rawTags == null ? List.<String>of() : rawTags) {
            String tag = raw == null ? "" : raw.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (hasControlCharacter(tag)) {
                throw new AnnotationException(Reason.INVALID, "tags", "A tag may not hold control characters.");
            }
            if (tag.length() > MAX_TAG_LENGTH) {
                throw new AnnotationException(
                        Reason.INVALID, "tags", "A tag may have at most " + MAX_TAG_LENGTH + " characters.");
            }
            unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        if (unique.size() > MAX_TAGS) {
            throw new AnnotationException(Reason.INVALID, "tags", "A note may have at most " + MAX_TAGS + " tags.");
        }
        return new NoteInput(text, List.copyOf(unique.values()), k);
    }

    /**
     * Control characters other than tab and line breaks (invisible, and NUL breaks other tools), and
     * the bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which can make a
     * note's words read differently from what they are.
     */
    static boolean hasControlCharacter(String s) {
        return s.codePoints()
                .anyMatch(c -> (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')
                        || (c >= 0x202A && c <= 0x202E)
                        || (c >= 0x2066 && c <= 0x2069));
    }
}
