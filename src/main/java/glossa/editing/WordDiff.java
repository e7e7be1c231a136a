package glossa.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;

/**
 * A word-level diff of two texts, as escaped HTML with {@code <del>} and {@code <ins>}. Words, runs of
 * whitespace and single punctuation marks are the units: each distinct unit becomes one character, the
 * character strings are diffed (diff-match-patch's line-mode trick, applied to words), and mapped back.
 * Long unchanged stretches are shortened to their first and last words so that a change to a long
 * essay shows the change, not the essay.
 */
public final class WordDiff {

    /** Units of text: a word, a run of whitespace, or any other single character. */
    private static final Pattern UNIT = Pattern.compile("[\\p{L}\\p{N}\\p{M}'\u2019_-]+|\\s+|.", Pattern.DOTALL);
    /** Words of context kept on each side of a change. */
    static final int CONTEXT = 12;

    /** One run of the diff. */
    public record Part(Kind kind, String text) {}

    public enum Kind {
        SAME,
        DELETED,
        INSERTED,
        ELIDED
    }

    private WordDiff() {}

    static List<Part> diff(String before, String after) {
        Map<String, Character> codes = new HashMap<>();
        List<String> units = new ArrayList<>();
        String a = encode(before, codes, units);
        String b = encode(after, codes, units);
        LinkedList<DiffMatchPatch.Diff> diffs = new DiffMatchPatch().diffMain(a, b, false);
        List<Part> parts = new ArrayList<>();
        for (DiffMatchPatch.Diff d : diffs) {
            StringBuilder text = new StringBuilder();
            for (char c : d.text.toCharArray()) {
                text.append(units.get(c));
            }
            Kind kind = switch (d.operation) {
                case EQUAL -> Kind.SAME;
                case DELETE -> Kind.DELETED;
                case INSERT -> Kind.INSERTED;
            };
            parts.add(new Part(kind, text.toString()));
        }
        return elide(parts);
    }

    /**
     * The parts as the markup of {@code templates/essays/_diff.html}, every text escaped. Written here
     * rather than looped in the template: an edit of a long essay has thousands of parts, and the
     * template engine's cost per part was a tenth of the edit preview's time (docs/BENCHMARKS.md).
     */
    static String html(List<Part> parts) {
        StringBuilder out = new StringBuilder("<div class=\"diff diff-text word-diff\">");
        for (Part p : parts) {
            switch (p.kind()) {
                case SAME -> out.append("<span>").append(escape(p.text())).append("</span>");
                case DELETED -> out.append("<del>").append(escape(p.text())).append("</del>");
                case INSERTED -> out.append("<ins>").append(escape(p.text())).append("</ins>");
                case ELIDED ->
                    out.append("<span class=\"elided\" aria-label=\"unchanged text left out\">[\u2026]</span>");
            }
        }
        return out.append("</div>").toString();
    }

    private static String escape(String s) {
        return org.jsoup.nodes.Entities.escape(s);
    }

    /** True when the two texts differ at all. */
    static boolean changed(List<Part> parts) {
        return parts.stream().anyMatch(p -> p.kind() == Kind.DELETED || p.kind() == Kind.INSERTED);
    }

    private static String encode(String text, Map<String, Character> codes, List<String> units) {
        StringBuilder out = new StringBuilder();
        Matcher m = UNIT.matcher(text);
        while (m.find()) {
            String unit = m.group();
            Character code = codes.get(unit);
            if (code == null) {
                if (units.size() >= Character.MAX_VALUE) {
                    // More distinct words than characters: the rest are compared as one unit each time.
                    unit = "\uFFFD";
                    code = codes.computeIfAbsent(unit, u -> add(units, u));
                } else {
                    code = add(units, unit);
                    codes.put(unit, code);
                }
            }
            out.append(code.charValue());
        }
        return out.toString();
    }

    private static Character add(List<String> units, String unit) {
        units.add(unit);
        return (char) (units.size() - 1);
    }

    /** Unchanged runs longer than twice the context keep their ends, joined by an elision. */
    private static List<Part> elide(List<Part> parts) {
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p.kind() != Kind.SAME) {
                out.add(p);
                continue;
            }
            List<String> words = split(p.text());
            boolean first = i == 0;
            boolean last = i == parts.size() - 1;
            int keepStart = first ? 0 : CONTEXT * 2;
            int keepEnd = last ? 0 : CONTEXT * 2;
            if (words.size() <= keepStart + keepEnd + CONTEXT * 2) {
                out.add(p);
                continue;
            }
            if (keepStart > 0) {
                out.add(new Part(Kind.SAME, String.join("", words.subList(0, keepStart))));
            }
            out.add(new Part(Kind.ELIDED, "\u2026"));
            if (keepEnd > 0) {
                out.add(new Part(Kind.SAME, String.join("", words.subList(words.size() - keepEnd, words.size()))));
            }
        }
        return out;
    }

    private static List<String> split(String text) {
        List<String> units = new ArrayList<>();
        Matcher m = UNIT.matcher(text);
        while (m.find()) {
            units.add(m.group());
        }
        return units;
    }
}
