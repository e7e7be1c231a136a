package glossa.reading;

import glossa.annotations.Annotation;
import glossa.annotations.Kind;
import glossa.annotations.NoteView;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The margin cards of an essay page, written straight to HTML. An essay can carry a thousand notes;
 * through the template engine, cards cost about 85 ms a page on the benchmark machine, here a few ms
 * (docs/BENCHMARKS.md). Every value is escaped; note bodies are already sanitized HTML.
 * The markup is the contract of {@code static/js/annotate.js} and {@code static/css/glossa.css}.
 */
final class NoteCards {

    private static final DateTimeFormatter DAY = glossa.web.Dates.DAY;

    private NoteCards() {}

    static String groups(List<EssayPage.NoteGroup> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (EssayPage.NoteGroup g : groups) {
            if (g.stack()) {
                out.append("<details class=\"note-stack\"><summary>")
                        .append(g.notes().size())
                        .append(" notes</summary>");
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
            out.append("<aside class=\"note note-passage\" id=\"a-")
                    .append(a.id())
                    .append("\">")
                    .append(ConnectionCards.html(n))
                    .append("</aside>");
            return;
        }
        if (n.placeholder()) {
            // Its words are gone (they live only in the history moderators see); the replies stay in place.
            out.append("<aside class=\"note note-deleted\" id=\"a-")
                    .append(a.id())
                    .append("\"><p class=\"note-deleted-flag\">This note was deleted by its author.</p>");
            replies(out, n);
            out.append(ConnectionCards.html(n))
                    .append("<footer><a href=\"/annotations/")
                    .append(a.id())
                    .append("\">Open the thread</a></footer></aside>");
            return;
        }
        out.append("<aside class=\"note note-")
                .append(n.kindLabel())
                .append(n.changed() ? " note-changed" : "")
                .append("\" id=\"a-")
                .append(a.id())
                .append("\"");
        if (n.mine()) {
            // The Markdown source, for editing in place (only its author is sent it; it is theirs anyway).
            out.append(" data-source=\"")
                    .append(esc(a.body()))
                    .append("\" data-tags=\"")
                    .append(esc(String.join(", ", a.tags())))
                    .append("\" data-kind=\"")
                    .append(n.kindLabel())
                    .append("\" data-version=\"")
                    .append(a.version())
                    .append("\"");
        }
        out.append(">");
        header(out, n);
        if (n.changed()) {
            out.append("<p class=\"note-changed-warning\">The text changed under this note. It was made on: <q>")
                    .append(esc(a.made().exact()))
                    .append("</q></p>");
        }
        out.append("<div class=\"note-body\">")
                .append(fold(a.bodyHtml(), a.id()).strip())
                .append("</div>");
        tags(out, a);
        replies(out, n);
        out.append(ConnectionCards.html(n));
        footer(out, n);
    }

    /** Who wrote it and when (the date links to the note's page), and its kind unless a plain comment. */
    private static void header(StringBuilder out, NoteView n) {
        Annotation a = n.note();
        out.append("<header><a class=\"note-author\" href=\"/users/")
                .append(esc(a.author()))
                .append("\">")
                .append(esc(a.author()))
                .append("</a> <a href=\"/annotations/")
                .append(a.id())
                .append("\">")
                .append(DAY.format(a.createdAt()))
                .append("</a>");
        if (a.kind() != Kind.COMMENT) {
            // A plain comment needs no label; questions and highlights say what they are.
            out.append(" <span class=\"note-kind\">").append(n.kindLabel()).append("</span>");
        }
        out.append("</header>");
    }

    private static void tags(StringBuilder out, Annotation a) {
        if (a.tags().isEmpty()) {
            return;
        }
        out.append("<ul class=\"note-tags\">");
        for (String t : a.tags()) {
            // The tag's page gathers its notes from every essay (the filter above the text narrows this one).
            out.append("<li><a href=\"/tags/")
                    .append(esc(glossa.web.LocalPaths.segment(t)))
                    .append("\">")
                    .append(esc(t))
                    .append("</a></li>");
        }
        out.append("</ul>");
    }

    /** The actions: reply (with the count), and for those who may, link, edit and delete; then the card ends. */
    private static void footer(StringBuilder out, NoteView n) {
        Annotation a = n.note();
        int count = n.replies().size();
        // No "Link to passage" here (a text fragment, some hundred bytes a card): annotate.js adds it when
        // the card is pointed at or focused; without JavaScript it is on the note's page.
        out.append("<footer><a class=\"act-reply\" href=\"/annotations/")
                .append(a.id())
                .append("#reply\">")
                .append(count == 0 ? "Reply" : count + (count == 1 ? " reply" : " replies") + " \u00b7 Reply")
                .append("</a>");
        if (n.mayLink()) {
            out.append(" <a class=\"act-link\" href=\"/annotations/")
                    .append(a.id())
                    .append("/link\">Link to another passage\u2026</a>");
        }
        if (n.mine()) {
            out.append(" <a class=\"act-edit\" href=\"/annotations/")
                    .append(a.id())
                    .append("#edit\">Edit</a>")
                    .append(" <a class=\"act-delete\" href=\"/annotations/")
                    .append(a.id())
                    .append("/delete\">Delete</a>");
        }
        out.append("</footer></aside>");
    }

    private static void replies(StringBuilder out, NoteView n) {
        if (n.replies().isEmpty()) {
            return;
        }
        out.append("<ol class=\"note-replies\">");
        for (Annotation r : n.replies()) {
            out.append("<li id=\"a-").append(r.id()).append("\" class=\"reply\"");
            if (n.ownReply(r)) {
                out.append(" data-source=\"")
                        .append(esc(r.body()))
                        .append("\" data-version=\"")
                        .append(r.version())
                        .append("\"");
            }
            out.append("><span class=\"note-author\">")
                    .append(esc(r.author()))
                    .append("</span><div class=\"note-body\">")
                    .append(fold(r.bodyHtml(), r.id()))
                    .append("</div>");
            if (n.ownReply(r)) {
                out.append("<p class=\"reply-actions\"><a class=\"act-edit\" href=\"/annotations/")
                        .append(n.note().id())
                        .append("#edit-")
                        .append(r.id())
                        .append("\">Edit</a> <a class=\"act-delete\" href=\"/annotations/")
                        .append(r.id())
                        .append("/delete\">Delete</a></p>");
            }
            out.append("</li>");
        }
        out.append("</ol>");
    }

    /** Bodies longer than this (in characters of HTML) are folded in the margin; the note's page shows them whole. */
    static final int FOLD_AT = 700;
    /** How much of a folded body the margin shows, in characters of its text. */
    static final int FOLDED_TEXT = 280;

    /**
     * A long body as its first words and a "more" link to the note's page, so a page of a thousand notes
     * stays light; a short body as it is.
     */
    static String fold(String html, long id) {
        if (html.length() <= FOLD_AT) {
            return html;
        }
        String text = org.jsoup.Jsoup.parseBodyFragment(html).text();
        int cut = text.lastIndexOf(' ', FOLDED_TEXT);
        String head = text.substring(0, cut > FOLDED_TEXT / 2 ? cut : Math.min(text.length(), FOLDED_TEXT));
        return "<p>" + esc(head) + "\u2026 <a class=\"more\" href=\"/annotations/" + id + "\">more</a></p>";
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
