package glossa.reading;

import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.annotations.Annotation;
import glossa.annotations.Kind;
import glossa.annotations.MarginExtras.NoteConnections;
import glossa.annotations.NoteView;
import glossa.essays.EssayRevision;
import glossa.essays.EssayTemplate;
import glossa.essays.EssayTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the annotated reading page of an essay: the stored HTML cut into blocks once per revision,
 * highlights spliced in, and each block followed by the notes whose passage starts in it.
 */
public final class EssayPage {

    /** A block as the template shows it. */
    public record BlockView(String id, String html, boolean annotatable, List<NoteGroup> groups) {
        /** The block's note cards as HTML, ready for the page. */
        public String notesHtml() {
            return NoteCards.groups(groups);
        }
    }

    /** Notes on one spot: one card, or a stack that opens on click when there are several. */
    public record NoteGroup(List<NoteView> notes) {
        public boolean stack() {
            return notes.size() > 1;
        }
    }

    /** Which notes the reader asked to see. Empty strings mean "any". */
    public record Filter(String tag, String author, String kind, boolean hideNotes) {
        boolean keeps(Annotation a) {
            return (tag.isEmpty() || a.tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)))
                    && (author.isEmpty() || a.author().equalsIgnoreCase(author))
                    && (kind.isEmpty() || a.kind().label().equals(kind));
        }

        public boolean active() {
            return !tag.isEmpty() || !author.isEmpty() || !kind.isEmpty() || hideNotes;
        }
    }

    /** Everything the essay template needs. */
    public record Model(
            String slug,
            List<BlockView> blocks,
            List<NoteView> orphans,
            int noteCount,
            int shownCount,
            List<String> tags,
            List<String> authors) {

        /**
         * The inside of {@code #essay-text}: each block, its "Annotate" link (the no-JavaScript way in)
         * and its notes. Joined here rather than looped in the template: with a thousand notes the
         * template engine's per-item cost dominated the page (docs/BENCHMARKS.md).
         */
        public String textHtml() {
            StringBuilder out = new StringBuilder(blocks.size() * 1024);
            for (BlockView b : blocks) {
                out.append(b.html());
                if (b.annotatable()) {
                    out.append("<a class=\"para-annotate\" data-nontext=\"\" href=\"/essays/")
                            .append(slug)
                            .append("/annotate?block=")
                            .append(b.id())
                            .append("\" aria-label=\"Annotate this passage (")
                            .append(b.id())
                            .append(")\">Annotate</a>");
                }
                out.append(b.notesHtml());
            }
            return out.toString();
        }
    }

    private final EssayTemplates templates;

    EssayPage(EssayTemplates templates) {
        this.templates = templates;
    }

    /** {@code extras}: the links and claims of the annotations that carry any (bare passages show only then). */
    Model build(
            EssayRevision essay, List<Annotation> all, User viewer, Filter filter, Map<Long, NoteConnections> extras) {
        EssayTemplate template = templates.of(essay);
        Gathered g = gather(all, extras);
        Map<Long, List<Annotation>> replies = g.replies();
        List<Annotation> notes = g.notes();
        boolean moderator = viewer != null && viewer.can(Role.MODERATOR);
        long viewerId = viewer == null ? -1 : viewer.id();
        List<NoteView> placed = new ArrayList<>();
        List<NoteView> orphans = new ArrayList<>();
        int realNotes = 0;
        for (Annotation a : notes) {
            boolean passageOnly = a.kind() == Kind.ANCHOR || a.deleted();
            realNotes += passageOnly ? 0 : 1;
            if (filter.hideNotes() || (!passageOnly && !filter.keeps(a))) {
                continue;
            }
            NoteView view = new NoteView(
                    a,
                    replies.getOrDefault(a.id(), List.of()),
                    viewerId == a.authorId(),
                    moderator,
                    extras.getOrDefault(a.id(), NoteConnections.NONE),
                    viewerId);
            if (a.kind() == Kind.ANCHOR
                    && (a.orphan() || a.anchorRevisionId() == null || a.anchorRevisionId() != essay.id())) {
                continue;
            }
            if (a.orphan() || a.anchorRevisionId() == null || a.anchorRevisionId() != essay.id()) {
                orphans.add(view);
            } else {
                placed.add(view);
            }
        }
        placed.sort(Comparator.comparingInt((NoteView v) -> v.note().anchor().start())
                .thenComparingLong(v -> v.note().id()));
        List<BlockView> blocks = blocks(template, placed);
        return new Model(
                essay.slug(),
                blocks,
                orphans,
                realNotes,
                placed.size() + orphans.size(),
                List.copyOf(g.tags()),
                List.copyOf(g.authors()));
    }

    /** The notes a page may show (roots, bare passages that carry links or claims, placeholders) with replies, tags and authors. */
    private record Gathered(
            List<Annotation> notes,
            Map<Long, List<Annotation>> replies,
            TreeSet<String> tags,
            TreeSet<String> authors) {}

    private static Gathered gather(List<Annotation> all, Map<Long, NoteConnections> extras) {
        Map<Long, List<Annotation>> replies = new LinkedHashMap<>();
        List<Annotation> notes = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> authors = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<Annotation> deletedRoots = new ArrayList<>();
        for (Annotation a : all) {
            if (!a.visible()) {
                if (a.deleted() && !a.hidden() && !a.isReply() && a.kind() != Kind.ANCHOR) {
                    deletedRoots.add(a);
                }
                continue;
            }
            if (a.isReply()) {
                replies.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
            } else if (a.kind() == Kind.ANCHOR) {
                if (extras.containsKey(a.id())) {
                    notes.add(a);
                }
            } else {
                notes.add(a);
                tags.addAll(a.tags());
                authors.add(a.author());
            }
        }
        // A deleted note that others replied to stays as a placeholder, so their replies keep their place.
        for (Annotation d : deletedRoots) {
            if (replies.containsKey(d.id())) {
                notes.add(d);
            }
        }
        return new Gathered(notes, replies, tags, authors);
    }

    /** The essay's blocks with the placed notes' highlights spliced in, each followed by the notes that start in it. */
    private List<BlockView> blocks(EssayTemplate template, List<NoteView> placed) {
        List<Highlighter.Span> spans = new ArrayList<>();
        for (NoteView v : placed) {
            String css = (v.changed() ? "hl-changed " : "")
                    + (v.note().kind() == Kind.ANCHOR || v.placeholder()
                            ? "hl-passage"
                            : "hl-" + v.note().kind().label());
            spans.add(new Highlighter.Span(
                    v.note().anchor().start(), v.note().anchor().end(), v.note().id(), css.strip()));
        }
        List<BlockView> blocks = new ArrayList<>();
        int next = 0;
        for (EssayTemplate.Block block : template.blocks()) {
            List<NoteView> here = new ArrayList<>();
            while (next < placed.size() && placed.get(next).note().anchor().start() < block.end()) {
                here.add(placed.get(next++));
            }
            String html = spans.isEmpty() ? plain(block) : Highlighter.render(block, spans);
            blocks.add(
                    new BlockView(block.id(), html, !block.id().isEmpty() && block.end() > block.start(), group(here)));
        }
        return blocks;
    }

    /** The essay's text with only the given passages marked: for the compare view. */
    String highlighted(EssayRevision essay, List<Highlighter.Span> spans) {
        EssayTemplate template = templates.of(essay);
        StringBuilder out = new StringBuilder();
        for (EssayTemplate.Block block : template.blocks()) {
            out.append(Highlighter.render(block, spans));
        }
        return out.toString();
    }

    private static String plain(EssayTemplate.Block block) {
        return Highlighter.render(block, List.of());
    }

    /** Notes on exactly the same passage share a stack. */
    private static List<NoteGroup> group(List<NoteView> notes) {
        Map<String, List<NoteView>> bySpot = new LinkedHashMap<>();
        for (NoteView v : notes) {
            bySpot.computeIfAbsent(
                            v.note().anchor().start() + ":" + v.note().anchor().end(), k -> new ArrayList<>())
                    .add(v);
        }
        return bySpot.values().stream().map(NoteGroup::new).toList();
    }
}
