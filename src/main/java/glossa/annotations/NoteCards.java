package glossa.annotations;

import org.jsoup.nodes.Entities;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The margin cards of an essay page, written straight to HTML. An essay can carry a thousand notes;
 * through the template engine, cards cost about 85 ms a page on the benchmark machine, here a few ms
 * (docs/BENCHMARKS.md). Every value is escaped; note bodies are already sanitized HTML.
 * The markup is the contract of {@code static/js/annotate.js} and {@code static/css/glossa.css}.
 */
final class NoteCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private NoteCards() {
    }

    static String groups(List<EssayPage.NoteGroup> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (EssayPage.NoteGroup g : groups) {
            if (g.stack()) {
                out.append("<details class=\"note-stack\" data-nontext=\"\"><summary>").append(g.notes().size()).append(" notes</summary>");
                g.notes().forEach(n -> card(out, n));
                out.append("</details>");
            } else {
                card(out, g.notes().get(0));
            }
        }
        return out.toString();
    }

    static void card(StringBuilder out, NoteView n) {
        Annotation a = n.note();
        if (a.kind() == Kind.ANCHOR) {
            // A bare passage: it is in the margin only for the links and claims it carries.
            out.append("<aside class=\"note note-passage\" id=\"a-").append(a.id()).append("\" data-nontext=\"\" data-a=\"")
                    .append(a.id()).append("\">").append(n.extraHtml()).append("</aside>");
            return;
        }
        if (n.placeholder()) {
            // Its words are gone (they live only in the history moderators see); the replies stay in place.
            out.append("<aside class=\"note note-deleted\" id=\"a-").append(a.id()).append("\" data-nontext=\"\" data-a=\"").append(a.id())
                    .append("\"><p class=\"note-deleted-flag\">This note was deleted by its author.</p>");
            replies(out, n);
            out.append(n.extraHtml()).append("<footer class=\"note-links\"><a href=\"/annotations/").append(a.id())
                    .append("\">Open the thread</a></footer></aside>");
            return;
        }
        out.append("<aside class=\"note note-").append(n.kindLabel()).append(n.changed() ? " note-changed" : "")
                .append("\" id=\"a-").append(a.id()).append("\" data-nontext=\"\" data-a=\"").append(a.id()).append("\"");
        if (n.mine()) {
            // The Markdown source, for editing in place (only its author is sent it; it is theirs anyway).
            out.append(" data-source=\"").append(esc(a.body())).append("\" data-tags=\"").append(esc(String.join(", ", a.tags())))
                    .append("\" data-kind=\"").append(n.kindLabel()).append("\" data-version=\"").append(a.version()).append("\"");
        }
        out.append(">");
        out.append("<header class=\"note-meta\"><a class=\"note-author\" href=\"/users/").append(esc(a.author())).append("\">")
                .append(esc(a.author())).append("</a> <a class=\"note-time\" href=\"/annotations/").append(a.id())
                .append("\" title=\"Permalink to this note\"><time datetime=\"").append(a.createdAt()).append("\">")
                .append(DAY.format(a.createdAt())).append("</time></a> <span class=\"note-kind\">").append(n.kindLabel()).append("</span></header>");
        if (n.changed()) {
            out.append("<p class=\"note-changed-warning\">The text changed under this note. It was made on: <q>")
                    .append(esc(a.made().exact())).append("</q></p>");
        }
        out.append("<div class=\"note-body\">").append(a.bodyHtml()).append("</div>");
        if (!a.tags().isEmpty()) {
            out.append("<ul class=\"note-tags\">");
            for (String t : a.tags()) {
                // The tag's page gathers its notes from every essay (the filter above the text narrows this one).
                out.append("<li><a href=\"/tags/").append(esc(glossa.web.LocalPaths.segment(t))).append("\">")
                        .append(esc(t)).append("</a></li>");
            }
            out.append("</ul>");
        }
        replies(out, n);
        out.append(n.extraHtml());
        int count = n.replies().size();
        out.append("<footer class=\"note-links\"><a class=\"act-reply\" href=\"/annotations/").append(a.id()).append("#reply\">")
                .append(count == 0 ? "Reply" : count + (count == 1 ? " reply" : " replies") + " \u00b7 Reply")
                .append("</a> <a href=\"").append(esc(n.textFragment()))
                .append("\" class=\"text-fragment\" title=\"A link to the passage that works in any browser with text fragments\">Link to passage</a>");
        if (n.mayLink()) {
            out.append(" <a class=\"act-link\" href=\"/annotations/").append(a.id()).append("/link\">Link to another passage\u2026</a>");
        }
        if (n.mine()) {
            out.append(" <a class=\"act-edit\" href=\"/annotations/").append(a.id()).append("#edit\">Edit</a>")
                    .append(" <a class=\"act-delete\" href=\"/annotations/").append(a.id()).append("/delete\">Delete</a>");
        }
        out.append("</footer></aside>");
    }

    private static void replies(StringBuilder out, NoteView n) {
        if (n.replies().isEmpty()) {
            return;
        }
        out.append("<ol class=\"note-replies\">");
        for (Annotation r : n.replies()) {
            out.append("<li id=\"a-").append(r.id()).append("\" class=\"reply\" data-r=\"").append(r.id()).append("\"");
            if (n.ownReply(r)) {
                out.append(" data-source=\"").append(esc(r.body())).append("\" data-version=\"").append(r.version()).append("\"");
            }
            out.append("><span class=\"note-author\">").append(esc(r.author()))
                    .append("</span><div class=\"note-body\">").append(r.bodyHtml()).append("</div>");
            if (n.ownReply(r)) {
                out.append("<p class=\"reply-actions\"><a class=\"act-edit\" href=\"/annotations/").append(n.note().id())
                        .append("#edit-").append(r.id()).append("\">Edit</a> <a class=\"act-delete\" href=\"/annotations/").append(r.id()).append("/delete\">Delete</a></p>");
            }
            out.append("</li>");
        }
        out.append("</ol>");
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
