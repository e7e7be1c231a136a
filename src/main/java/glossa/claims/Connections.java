package glossa.claims;

import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.annotations.MarginExtras;
import glossa.annotations.MarginExtras.PanelGroup;
import glossa.annotations.MarginExtras.PanelLink;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.links.LinkRepository;
import glossa.links.LinkService;
import glossa.links.LinkView;
import glossa.storage.Jdbc;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An essay's links and claim pages, as its margin shows them: in the card of each passage, the
 * relation, the other essay's title and author, the other passage's first words, and a link that opens
 * that essay at the passage with a way back; below the essay, a Connections panel grouped by essay.
 */
public final class Connections implements MarginExtras {

    private final LinkRepository links;
    private final ClaimRepository claims;
    private final EssayCatalog catalog;
    private final LinkService linkService;

    public Connections(LinkRepository links, ClaimRepository claims, EssayCatalog catalog, LinkService linkService) {
        this.linkService = linkService;
        this.links = links;
        this.claims = claims;
        this.catalog = catalog;
    }

    @Override
    public List<String> linksOf(long annotationId) {
        return links.touching(annotationId).stream().map(l -> {
            String title = catalog.summary(l.otherSlug()).map(e -> e.meta().title()).orElse(l.otherSlug());
            return cap(l.reads()) + " \u201c" + l.firstWords() + "\u201d in " + title;
        }).toList();
    }

    @Override
    public java.util.function.Consumer<Jdbc> linkRemover(User user, long annotationId) {
        return tx -> linkService.removeAllOf(tx, user, annotationId);
    }

    @Override
    public List<Long> ownLinks(long essayId, User reader) {
        return links.forEssay(essayId).stream().filter(l -> reader.username().equals(l.author())).map(LinkView::id).distinct().toList();
    }

    @Override
    public Extras forEssay(long essayId, String slug, User viewer) {
        List<LinkView> here = links.forEssay(essayId);
        List<ClaimPassage> claimed = claims.passagesInEssay(essayId);
        if (here.isEmpty() && claimed.isEmpty()) {
            return Extras.NONE;
        }
        Map<Long, StringBuilder> cards = new HashMap<>();
        for (LinkView l : here) {
            StringBuilder b = cards.computeIfAbsent(l.hereId(), k -> new StringBuilder());
            b.append("<li class=\"connection link").append(l.otherRemoved() ? " removed" : "").append("\" data-l=\"").append(l.id()).append("\">")
                    .append("<span class=\"relation\">").append(esc(cap(l.reads()))).append("</span> ");
            appendOther(b, slug, l);
            if (!l.comment().isEmpty()) {
                b.append("<span class=\"link-comment\">").append(esc(l.comment())).append("</span>");
            }
            if (viewer != null && (viewer.username().equals(l.author()) || viewer.can(Role.MODERATOR))) {
                b.append("<a class=\"act-unlink\" href=\"/links/").append(l.id()).append("/remove\" data-link=\"").append(l.id())
                        .append("\">Remove link</a>");
            }
            b.append("</li>");
        }
        for (ClaimPassage p : claimed) {
            cards.computeIfAbsent(p.annotationId(), k -> new StringBuilder())
                    .append("<li class=\"connection claim\"><span class=\"relation\">").append(esc(cap(p.stance().label())))
                    .append("</span> <a href=\"/claims/").append(esc(p.claimSlug())).append("\">").append(esc(p.claimTitle()))
                    .append("</a></li>");
        }
        Map<Long, String> html = new HashMap<>();
        cards.forEach((id, b) -> html.put(id, "<ul class=\"connections\">" + b + "</ul>"));
        return new Extras(html, panel(here), here.size());
    }

    private void appendOther(StringBuilder b, String slug, LinkView l) {
        EssayRevision other = catalog.find(l.otherSlug()).orElse(null);
        String title = other == null ? l.otherSlug() : other.meta().title();
        String author = other == null || other.meta().author() == null ? "" : other.meta().author();
        if (l.otherRemoved()) {
            b.append("<span class=\"other\">").append(esc(title)).append(" (that passage was removed): \u201c")
                    .append(esc(l.firstWords())).append("\u201d</span>");
            return;
        }
        b.append("<a class=\"follow\" href=\"/essays/").append(esc(l.otherSlug())).append("?from=").append(esc(slug)).append("&amp;back=")
                .append(l.hereId()).append("#a-").append(l.otherId()).append("\">").append(esc(title)).append("</a>");
        if (!author.isEmpty()) {
            b.append(" <span class=\"other-author\">").append(esc(author)).append("</span>");
        }
        b.append(": <q>").append(esc(l.firstWords())).append("</q> <a class=\"compare\" href=\"/compare/").append(esc(slug)).append("/")
                .append(esc(l.otherSlug())).append("#link-").append(l.id()).append("\">compare</a>");
    }

    private List<PanelGroup> panel(List<LinkView> here) {
        Map<String, List<PanelLink>> byEssay = new LinkedHashMap<>();
        for (LinkView l : here) {
            byEssay.computeIfAbsent(l.otherSlug(), k -> new ArrayList<>())
                    .add(new PanelLink(l.hereId(), l.outgoing(), l.reads(), l.otherRemoved(), l.firstWords(), l.otherId()));
        }
        List<PanelGroup> groups = new ArrayList<>();
        byEssay.forEach((other, links) ->
                groups.add(new PanelGroup(other, catalog.summary(other).map(e -> e.meta().title()).orElse(other), links)));
        return groups;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
