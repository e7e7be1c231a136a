package glossa.annotations;

import java.util.List;

/**
 * What one row of a note's history records: the kind of change ("created", "edited", "hidden"...) and
 * each part's text before and after; a null part did not change or does not apply.
 */
record NoteChange(String kind, Part body, Part tags, Part passage) {

    /** One part's text before and after the change; either may be null. */
    record Part(String before, String after) {
        static final Part NONE = new Part(null, null);
    }

    static NoteChange created(String body, List<String> tags, String passage) {
        return new NoteChange("created", new Part(null, body), new Part(null, joined(tags)), new Part(null, passage));
    }

    static NoteChange imported(String body, List<String> tags) {
        return new NoteChange("imported", new Part(null, body), new Part(null, joined(tags)), Part.NONE);
    }

    static NoteChange edited(String bodyBefore, String bodyAfter, List<String> tagsBefore, List<String> tagsAfter) {
        return new NoteChange(
                "edited", new Part(bodyBefore, bodyAfter), new Part(joined(tagsBefore), joined(tagsAfter)), Part.NONE);
    }

    static NoteChange deleted(String bodyBefore) {
        return new NoteChange("deleted", new Part(bodyBefore, null), Part.NONE, Part.NONE);
    }

    /** A change that touches no text: "hidden", "restored". */
    static NoteChange action(String kind) {
        return new NoteChange(kind, Part.NONE, Part.NONE, Part.NONE);
    }

    /** A change of the passage: "reattached", "reanchored", or a link's end described in {@code after}. */
    static NoteChange passage(String kind, String before, String after) {
        return new NoteChange(kind, Part.NONE, Part.NONE, new Part(before, after));
    }

    private static String joined(List<String> tags) {
        return String.join(", ", tags);
    }

    /** How a note's passage reads in its history. */
    static String describe(Annotation a) {
        if (a.orphan()) {
            return "orphaned, quote \u201c" + abbreviate(a.quote().exact()) + "\u201d";
        }
        return "position " + a.anchor().start() + ".." + a.anchor().end() + ", \u201c"
                + abbreviate(a.quote().exact()) + "\u201d";
    }

    static String describe(int revisionNo, int start, int end, String exact) {
        return "revision " + revisionNo + ", position " + start + ".." + end + ", \u201c" + abbreviate(exact)
                + "\u201d";
    }

    /** At most 80 characters of {@code s}, for messages and history. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "\u2026";
    }
}
