package glossa.essays;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter of a corpus file: a block fenced by {@code ---} lines holding flat
 * {@code key: value} pairs, values plain or double-quoted. That small subset is all the corpus needs,
 * and checking it line by line lets every mistake be reported with its line number.
 *
 * @param fields the keys in file order, values unquoted
 * @param fieldLines the 1-based line of each key, for messages about its value
 * @param bodyStartLine the 1-based line where the Markdown body starts
 */
record FrontMatter(Map<String, String> fields, Map<String, Integer> fieldLines, int bodyStartLine) {

    static final Set<String> KNOWN_KEYS =
            Set.of("slug", "title", "subtitle", "author", "date", "publication", "source_url", "title_note");

    private static final String FENCE = "---";
    private static final Pattern FIELD = Pattern.compile("^([a-z_]+):(?:[ \\t]+(.*))?$");

    Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    int lineOf(String key) {
        return fieldLines.getOrDefault(key, 1);
    }

    /** Parses the front matter at the top of {@code lines}; throws with the offending line on any error. */
    static FrontMatter parse(List<String> lines) throws CorpusException {
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            throw new CorpusException(1, "the file must start with a '---' line opening the front matter");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> fieldLines = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.strip().equals(FENCE)) {
                return new FrontMatter(fields, fieldLines, lineNo + 1);
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = FIELD.matcher(line.stripTrailing());
            if (!m.matches()) {
                throw new CorpusException(lineNo, "front matter line is not 'key: value': " + abbreviate(line));
            }
            String key = m.group(1);
            if (!KNOWN_KEYS.contains(key)) {
                throw new CorpusException(
                        lineNo,
                        "unknown front matter key '" + key + "' (known: "
                                + String.join(", ", KNOWN_KEYS.stream().sorted().toList()) + ")");
            }
            if (fields.containsKey(key)) {
                throw new CorpusException(lineNo, "front matter key '" + key + "' appears twice");
            }
            fields.put(key, unquote(m.group(2) == null ? "" : m.group(2).strip(), lineNo));
            fieldLines.put(key, lineNo);
        }
        throw new CorpusException(1, "the front matter opened on line 1 is never closed with a '---' line");
    }

    private static String unquote(String raw, int lineNo) throws CorpusException {
        if (!raw.startsWith("\"")) {
            if (raw.startsWith("'") || raw.startsWith("[") || raw.startsWith("{")) {
                throw new CorpusException(
                        lineNo, "only plain or double-quoted values are supported: " + abbreviate(raw));
            }
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                out.append(raw.charAt(++i));
            } else if (c == '"') {
                if (i != raw.length() - 1) {
                    throw new CorpusException(lineNo, "text after the closing quote: " + abbreviate(raw));
                }
                return out.toString();
            } else {
                out.append(c);
            }
        }
        throw new CorpusException(lineNo, "a quoted value is never closed: " + abbreviate(raw));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
