package glossa.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * A highlighted excerpt of a result.
 *
 * @param html escaped text whose only markup is {@code <mark>} around matched words; passages joined by an ellipsis
 * @param best the best-scoring passage (a sentence) as plain text, verbatim from the document: what a
 *             Text Fragment points at and what a suggestion offers to quote
 */
public record Snippet(String html, String best) {

    /** Formats the highlighter's passages as a {@link Snippet}. */
    static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder html = new StringBuilder();
            Passage best = null;
            for (Passage p : passages) {
                if (best == null || p.getScore() > best.getScore()) {
                    best = p;
                }
                if (html.length() > 0) {
                    html.append(" \u2026 ");
                }
                int at = p.getStartOffset();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int start = Math.max(at, p.getMatchStarts()[i]);
                    int end = Math.min(p.getEndOffset(), p.getMatchEnds()[i]);
                    if (end <= start) {
                        continue;
                    }
                    escape(html, content, at, start);
                    html.append("<mark>");
                    escape(html, content, start, end);
                    html.append("</mark>");
                    at = end;
                }
                escape(html, content, at, p.getEndOffset());
            }
            String plain = best == null
                    ? ""
                    : content.substring(best.getStartOffset(), best.getEndOffset())
                            .strip();
            return new Snippet(html.toString().strip(), plain);
        }
    }

    static Snippet plain(String text, int max) {
        String cut = text.length() <= max ? text : text.substring(0, max) + "\u2026";
        StringBuilder html = new StringBuilder();
        escape(html, cut, 0, cut.length());
        return new Snippet(html.toString(), text.length() <= max ? text : text.substring(0, max));
    }

    static void escape(StringBuilder out, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
