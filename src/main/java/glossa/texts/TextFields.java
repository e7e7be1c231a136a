package glossa.texts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form's metadata fields by name (title, author, publication, date, source_url), mutable while a form is filled. */
final class TextFields {

    static final String[] NAMES = {"title", "author", "publication", "date", "source_url"};

    private final Map<String, String> values = new LinkedHashMap<>();

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    void put(String name, String value) {
        values.put(name, value == null ? "" : value.strip());
    }

    /** Fills this form's empty fields from {@code other}. */
    void fillEmptyFrom(TextFields other) {
        for (String n : NAMES) {
            if (get(n).isEmpty() && !other.get(n).isEmpty()) {
                put(n, other.get(n));
            }
        }
    }

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : NAMES) {
            m.put(n, get(n));
        }
        return m;
    }
}
