package glossa.texts;

import java.util.List;

/** A .md file: its own front matter, if any, fills the form's fields; the rest is the text. */
final class MarkdownFile {

    private MarkdownFile() {}

    static Converted read(String text) {
        TextFields fields = new TextFields();
        if (!text.startsWith("---\n")) {
            return new Converted(text, fields, List.of());
        }
        int close = text.indexOf("\n---", 3);
        if (close < 0) {
            return new Converted(text, fields, List.of());
        }
        for (String line : text.substring(4, close).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1)
                            .replace("\\\"", "\"")
                            .replace("\\\\", "\\");
                }
                if (List.of(TextFields.NAMES).contains(key)) {
                    fields.put(key, value);
                }
            }
        }
        int bodyStart = text.indexOf('\n', close + 1);
        return new Converted(bodyStart < 0 ? "" : text.substring(bodyStart + 1).stripLeading(), fields, List.of());
    }
}
