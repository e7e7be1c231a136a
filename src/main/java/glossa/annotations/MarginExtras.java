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
     * @param byAnnotation HTML to show in the card of each annotation (links, claims), escaped already
     * @param panelHtml the essay's Connections panel, or empty
     * @param linkCount live links touching the essay
     */
    record Extras(Map<Long, String> byAnnotation, String panelHtml, int linkCount) {
        public static final Extras NONE = new Extras(Map.of(), "", 0);
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
