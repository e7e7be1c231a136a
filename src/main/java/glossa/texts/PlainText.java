package glossa.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A .txt file as Markdown: a paragraph at each blank line, characters that Markdown would read as syntax escaped. */
final class PlainText {

    /** Characters with a meaning anywhere in a Markdown line. */
    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>])");
    /** What would start a heading, quotation, list or rule at the start of a line. */
    private static final Pattern LINE_START = Pattern.compile("^(\\s*)([#>+=-]|\\d+[.)])");

    private PlainText() {}

    static String toMarkdown(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            if (block.isBlank()) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (String line : block.strip().split("\n")) {
                String escaped = INLINE.matcher(line.strip()).replaceAll("\\\\$1");
                lines.add(LINE_START
                        .matcher(escaped)
                        .replaceFirst(m -> m.group(1) + "\\\\" + m.group(2).replace("\\", "\\\\")));
            }
            paragraphs.add(String.join("\n", lines));
        }
        return String.join("\n\n", paragraphs) + "\n";
    }
}
