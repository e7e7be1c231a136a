package glossa.reading;

import glossa.annotations.MarginExtras.ClaimCitation;
import glossa.annotations.MarginExtras.LinkEnd;
import glossa.annotations.MarginExtras.NoteConnections;
import glossa.annotations.NoteView;
import org.jsoup.nodes.Entities;

/**
 * The links and claims in a card of the essay page, written straight to HTML like the cards themselves
 * ({@link NoteCards}). The same markup as {@code templates/fragments/connections.html :: card}, which
 * draws them on the note's own page; {@code static/js/margin.js} and {@code reader.js} rely on it.
 */
final class ConnectionCards {

    private ConnectionCards() {}

    /** The card's list of links and claims, or "" when it has none. */
    static String html(NoteView n) {
        NoteConnections c = n.connections();
        if (c.isEmpty()) {
            return "";
        }
        String slug = n.note().essaySlug();
        StringBuilder b = new StringBuilder("<ul class=\"connections\">");
        for (LinkEnd l : c.links()) {
            b.append("<li class=\"connection link")
                    .append(l.otherRemoved() ? " removed" : "")
                    .append("\" data-l=\"")
                    .append(l.id())
                    .append("\">")
                    .append("<span class=\"relation\">")
                    .append(esc(capitalized(l.reads())))
                    .append("</span> ");
            appendOther(b, slug, l);
            if (!l.comment().isEmpty()) {
                b.append("<span class=\"link-comment\">")
                        .append(esc(l.comment()))
                        .append("</span>");
            }
            if (l.removable()) {
                b.append("<a class=\"act-unlink\" href=\"/links/")
                        .append(l.id())
                        .append("/remove\" data-link=\"")
                        .append(l.id())
                        .append("\">Remove link</a>");
            }
            b.append("</li>");
        }
        for (ClaimCitation p : c.claims()) {
            b.append("<li class=\"connection claim\"><span class=\"relation\">")
                    .append(esc(capitalized(p.stance())))
                    .append("</span> <a href=\"/claims/")
                    .append(esc(p.claimSlug()))
                    .append("\">")
                    .append(esc(p.claimTitle()))
                    .append("</a></li>");
        }
        return b.append("</ul>").toString();
    }

    /** The far end: its essay and first words with a way there and back, or a note that it was removed. */
    private static void appendOther(StringBuilder b, String slug, LinkEnd l) {
        if (l.otherRemoved()) {
            b.append("<span class=\"other\">")
                    .append(esc(l.otherTitle()))
                    .append(" (that passage was removed): \u201c")
                    .append(esc(l.firstWords()))
                    .append("\u201d</span>");
            return;
        }
        b.append("<a class=\"follow\" href=\"/essays/")
                .append(esc(l.otherSlug()))
                .append("?from=")
                .append(esc(slug))
                .append("&amp;back=")
                .append(l.hereId())
                .append("#a-")
                .append(l.otherId())
                .append("\">")
                .append(esc(l.otherTitle()))
                .append("</a>");
        if (!l.otherAuthor().isEmpty()) {
            b.append(" <span class=\"other-author\">")
                    .append(esc(l.otherAuthor()))
                    .append("</span>");
        }
        b.append(": <q>")
                .append(esc(l.firstWords()))
                .append("</q> <a class=\"compare\" href=\"/compare/")
                .append(esc(slug))
                .append("/")
                .append(esc(l.otherSlug()))
                .append("#link-")
                .append(l.id())
                .append("\">compare</a>");
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
