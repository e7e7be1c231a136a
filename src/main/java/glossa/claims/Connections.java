package glossa.claims;

import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.annotations.MarginExtras;
import glossa.annotations.MarginExtras.ClaimCitation;
import glossa.annotations.MarginExtras.LinkEnd;
import glossa.annotations.MarginExtras.NoteConnections;
import glossa.annotations.MarginExtras.PanelGroup;
import glossa.annotations.MarginExtras.PanelLink;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.links.LinkRepository;
import glossa.links.LinkService;
import glossa.links.LinkView;
import glossa.storage.Jdbc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An essay's links and claim pages, as data for its margin: for the card of each passage, its links
 * (the relation, the other essay's title and author, the other passage's first words) and the claims
 * that cite it; for below the essay, the Connections panel grouped by essay.
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
        return links.touching(annotationId).stream()
                .map(l -> {
                    String title = catalog.summary(l.otherSlug())
                            .map(e -> e.meta().title())
                            .orElse(l.otherSlug());
                    return cap(l.reads()) + " \u201c" + l.firstWords() + "\u201d in " + title;
                })
                .toList();
    }

    @Override
    public java.util.function.Consumer<Jdbc> linkRemover(User user, long annotationId) {
        return tx -> linkService.removeAllOf(tx, user, annotationId);
    }

    @Override
    public Extras forEssay(long essayId, User viewer) {
        List<LinkView> here = links.forEssay(essayId);
        List<ClaimPassage> claimed = claims.passagesInEssay(essayId);
        if (here.isEmpty() && claimed.isEmpty()) {
            return Extras.NONE;
        }
        Map<Long, List<LinkEnd>> linksAt = new HashMap<>();
        for (LinkView l : here) {
            linksAt.computeIfAbsent(l.hereId(), k -> new ArrayList<>()).add(end(l, viewer));
        }
        Map<Long, List<ClaimCitation>> claimsAt = new HashMap<>();
        for (ClaimPassage p : claimed) {
            claimsAt.computeIfAbsent(p.annotationId(), k -> new ArrayList<>())
                    .add(new ClaimCitation(p.stance().label(), p.claimSlug(), p.claimTitle()));
        }
        Map<Long, NoteConnections> cards = new HashMap<>();
        for (Long id : union(linksAt.keySet(), claimsAt.keySet())) {
            cards.put(
                    id, new NoteConnections(linksAt.getOrDefault(id, List.of()), claimsAt.getOrDefault(id, List.of())));
        }
        return new Extras(cards, panel(here), here.size());
    }

    /** The link as its card at this end shows it: the far essay's title and author from the catalog. */
    private LinkEnd end(LinkView l, User viewer) {
        EssayRevision other = catalog.find(l.otherSlug()).orElse(null);
        String title = other == null ? l.otherSlug() : other.meta().title();
        String author = other == null || other.meta().author() == null
                ? ""
                : other.meta().author();
        boolean removable = viewer != null && (viewer.username().equals(l.author()) || viewer.can(Role.MODERATOR));
        return new LinkEnd(
                l.id(),
                l.reads(),
                l.comment(),
                l.hereId(),
                l.otherId(),
                l.otherSlug(),
                title,
                author,
                l.firstWords(),
                l.otherRemoved(),
                removable);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private List<PanelGroup> panel(List<LinkView> here) {
        Map<String, List<PanelLink>> byEssay = new LinkedHashMap<>();
        for (LinkView l : here) {
            byEssay.computeIfAbsent(l.otherSlug(), k -> new ArrayList<>())
                    .add(new PanelLink(
                            l.hereId(), l.outgoing(), l.reads(), l.otherRemoved(), l.firstWords(), l.otherId()));
        }
        List<PanelGroup> groups = new ArrayList<>();
        byEssay.forEach((other, links) -> groups.add(new PanelGroup(
                other, catalog.summary(other).map(e -> e.meta().title()).orElse(other), links)));
        return groups;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
