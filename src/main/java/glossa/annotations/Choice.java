package glossa.annotations;

import glossa.anchoring.CodePointText;
import glossa.anchoring.TextPositionSelector;
import glossa.essays.EssayRevision;
import java.util.ArrayList;
import java.util.List;

/** The occurrences of ambiguous words offered for choice on a form, each with the words around it. */
public final class Choice {

    /** Characters of context shown on each side of an occurrence. */
    private static final int CONTEXT = 60;

    private Choice() {}

    /** An occurrence offered for choice: its index and the words around it. */
    public record Option(int index, String before, String words, String after) {}

    /** Each occurrence with the text around it, so the reader picks by context, not by number. */
    public static List<Option> all(EssayRevision essay, List<TextPositionSelector> found) {
        CodePointText text = new CodePointText(essay.canonicalText().text());
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            TextPositionSelector p = found.get(i);
            out.add(new Option(
                    i,
                    "\u2026"
                            + text.slice(Math.max(0, p.start() - CONTEXT), p.start())
                                    .stripLeading(),
                    text.slice(p.start(), p.end()),
                    text.slice(p.end(), Math.min(text.length(), p.end() + CONTEXT))
                                    .stripTrailing() + "\u2026"));
        }
        return out;
    }
}
