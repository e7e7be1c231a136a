package glossa.annotations;

import glossa.accounts.User;
import glossa.storage.Jdbc;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What other features add to an essay's margin: links and claim pages of its passages, and the links
 * a note carries when it is deleted. Implemented outside this package (which they build on), handed
 * in by the wiring.
 */
public interface MarginExtras {

    /**
     * @param byAnnotation HTML to show in the card of each annotation (links, claims), escaped already:
     *     the cards are joined as HTML on the page's hot path (docs/BENCHMARKS.md)
     * @param panel the essay's Connections panel, one group per other essay; empty for none
     * @param linkCount live links touching the essay
     */
    record Extras(Map<Long, String> byAnnotation, List<PanelGroup> panel, int linkCount) {
        public static final Extras NONE = new Extras(Map.of(), List.of(), 0);
    }

    /** The links between this essay and one other, for the Connections panel ({@code templates/fragments/connections.html}). */
    record PanelGroup(String otherSlug, String otherTitle, List<PanelLink> links) {
    }

    /**
     * One link in the panel: {@code hereId} the note on this essay, {@code otherId} the far end,
     * {@code reads} the relation as a phrase, {@code removed} when the far passage is gone.
     */
    record PanelLink(long hereId, boolean outgoing, String reads, boolean removed, String firstWords, long otherId) {
    }

    /** {@code viewer} (may be null) decides which links offer "Remove link": their authors' and, for moderators, all. */
    Extras forEssay(long essayId, String slug, User viewer);

    /** Ids of the live links touching the essay that {@code reader} made, and so may remove. */
    default List<Long> ownLinks(long essayId, User reader) {
        return List.of();
    }

    /** The live links a note carries, each described in a sentence, for the step that deletes it. */
    default List<String> linksOf(long annotationId) {
        return List.of();
    }

    /** What removes those links inside the transaction that deletes the note. */
    default Consumer<Jdbc> linkRemover(User user, long annotationId) {
        return tx -> { };
    }
}
