package glossa.editing;

import glossa.anchoring.Anchor;
import glossa.anchoring.RevisionMapping;
import glossa.anchoring.Target;
import glossa.anchoring.TextPositionSelector;
import glossa.anchoring.TextQuoteSelector;
import glossa.annotations.Annotation;
import glossa.annotations.AnnotationRepository;
import glossa.essays.EssayRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change to an essay's text would do to its notes, computed without saving anything: each note
 * is carried to the new text exactly as {@code AnnotationService.reanchor} carries it after a save (the
 * same {@link RevisionMapping} from the same source revision: an orphan from where it was made, a
 * placed note from where it stands), and sorted by the outcome.
 */
public final class NoteImpact {

    private final AnnotationRepository notes;
    private final EssayRepository essays;

    NoteImpact(AnnotationRepository notes, EssayRepository essays) {
        this.notes = notes;
        this.essays = essays;
    }

    /** One note and its words before and after the change. */
    public record Change(long id, String author, String quote, String newQuote) {}

    /** Notes listed per outcome in the preview; the rest are counted, so a page stays readable with 10,000 notes. */
    static final int LISTED = 100;

    /** One outcome and its notes. */
    public record Group(String label, List<Change> changes, boolean open) {

        /** The first {@link #LISTED} notes. */
        public List<Change> shown() {
            return changes.size() <= LISTED ? changes : changes.subList(0, LISTED);
        }

        public int notShown() {
            return Math.max(0, changes.size() - LISTED);
        }
    }

    /**
     * The outcome for every note with a passage (deleted ones left out).
     *
     * @param reattached orphans that the new text gives a place again
     */
    public record Impact(
            List<Change> stay,
            List<Change> move,
            List<Change> approximate,
            List<Change> orphans,
            List<Change> reattached) {

        /** The non-empty outcomes, for the preview; "stay" last and folded, the rest open. */
        public List<Group> groups() {
            List<Group> all = List.of(
                    new Group("Move", move, true),
                    new Group("Become approximate (the text changed under them)", approximate, true),
                    new Group("Become orphans", orphans, true),
                    new Group("Find a place again", reattached, true),
                    new Group("Stay", stay, false));
            return all.stream().filter(g -> !g.changes().isEmpty()).toList();
        }

        /**
         * The outcomes as HTML: a {@code <details>} per outcome listing its first {@link #LISTED} notes.
         * Written here, escaped, rather than looped in the template: up to 500 items through the
         * template engine were a fifth of the edit preview's time (docs/BENCHMARKS.md).
         */
        public String groupsHtml() {
            StringBuilder out = new StringBuilder();
            for (Group g : groups()) {
                out.append("<details class=\"impact-group\"")
                        .append(g.open() ? " open" : "")
                        .append("><summary>")
                        .append(esc(g.label()))
                        .append(": ")
                        .append(g.changes().size())
                        .append("</summary><ul class=\"impact-list\">");
                for (Change c : g.shown()) {
                    out.append("<li><a href=\"/annotations/")
                            .append(c.id())
                            .append("\">Note ")
                            .append(c.id())
                            .append("</a> by <span>")
                            .append(esc(c.author()))
                            .append("</span>: <q>")
                            .append(esc(c.quote()))
                            .append("</q>");
                    if (c.newQuote() != null && !c.newQuote().equals(c.quote())) {
                        out.append(" \u2192 <q>").append(esc(c.newQuote())).append("</q>");
                    }
                    out.append("</li>");
                }
                out.append("</ul>");
                if (g.notShown() > 0) {
                    out.append("<p class=\"hint\">and ").append(g.notShown()).append(" more</p>");
                }
                out.append("</details>");
            }
            return out.toString();
        }

        private static String esc(String s) {
            return org.jsoup.nodes.Entities.escape(s == null ? "" : s);
        }

        int total() {
            return stay.size() + move.size() + approximate.size() + orphans.size() + reattached.size();
        }

        /** "412 stay, 9 move, 2 become approximate, 1 becomes an orphan". */
        public String summary() {
            return stay.size() + " stay, " + move.size() + (move.size() == 1 ? " moves, " : " move, ")
                    + approximate.size()
                    + (approximate.size() == 1 ? " becomes approximate, " : " become approximate, ")
                    + orphans.size() + (orphans.size() == 1 ? " becomes an orphan" : " become orphans")
                    + (reattached.isEmpty()
                            ? ""
                            : ", " + reattached.size() + " orphaned "
                                    + (reattached.size() == 1 ? "note finds" : "notes find") + " a place again");
        }
    }

    /** What saving {@code newText} over {@code current} (the essay's newest revision) would do to its notes. */
    Impact assess(glossa.essays.EssayRevision current, String newText) {
        Map<Long, RevisionMapping> mappings = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        // Nearly every note stands on the newest revision, whose text the caller holds already.
        texts.put(current.id(), current.canonicalText().text());
        List<Change> stay = new ArrayList<>();
        List<Change> move = new ArrayList<>();
        List<Change> approximate = new ArrayList<>();
        List<Change> orphans = new ArrayList<>();
        List<Change> reattached = new ArrayList<>();
        for (Annotation a : notes.passages(current.essayId())) {
            if (a.isReply() || a.anchorRevisionId() == null || a.deleted()) {
                continue;
            }
            boolean fromMade = a.orphan();
            long sourceId = fromMade ? a.madeOnRevisionId() : a.anchorRevisionId();
            RevisionMapping mapping = mappings.computeIfAbsent(
                    sourceId,
                    rid -> new RevisionMapping(
                            texts.computeIfAbsent(
                                    rid,
                                    id -> essays.revisionById(id)
                                            .orElseThrow()
                                            .canonicalText()
                                            .text()),
                            newText));
            Target from = fromMade
                    ? new Target(new TextPositionSelector(a.madeStart(), a.madeEnd()), a.made())
                    : new Target(
                            new TextPositionSelector(
                                    a.anchor().start(), a.anchor().end()),
                            a.quote());
            Anchor anchor = mapping.carry(from);
            String oldQuote = a.quote() == null ? "" : a.quote().exact();
            if (anchor.isOrphan()) {
                if (!fromMade) {
                    orphans.add(new Change(a.id(), a.author(), oldQuote, null));
                }
                continue;
            }
            TextQuoteSelector quote =
                    Target.of(mapping.newText(), anchor.start(), anchor.end()).quote();
            Change change = new Change(a.id(), a.author(), oldQuote, quote.exact());
            if (fromMade) {
                reattached.add(change);
            } else if (anchor.method() == Anchor.Method.FUZZY) {
                approximate.add(change);
            } else if (anchor.start() == a.anchor().start()
                    && anchor.end() == a.anchor().end()) {
                stay.add(change);
            } else {
                move.add(change);
            }
        }
        return new Impact(stay, move, approximate, orphans, reattached);
    }
}
