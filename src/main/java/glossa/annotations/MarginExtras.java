package glossa.annotations;

import glossa.accounts.User;
import glossa.storage.Jdbc;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What other features add to an essay's margin: links and claim pages of its passages, and the links
 * a note carries when it is deleted. Implemented outside this package (which they build on), handed
 * in by the wiring. It hands up data only: the reading page ({@code glossa.reading}) and the note's own
 * page ({@code templates/fragments/connections.html}) draw it.
 */
public interface MarginExtras {

    /**
     * @param byAnnotation what the card of each annotation that carries any links or claims shows
     * @param panel the essay's Connections panel, one group per other essay; empty for none
     * @param linkCount live links touching the essay
     */
    record Extras(Map<Long, NoteConnections> byAnnotation, List<PanelGroup> panel, int linkCount) {
        public static final Extras NONE = new Extras(Map.of(), List.of(), 0);
    }

    /** What one passage's card lists under the note: its links, then the claim pages that cite it. */
    record NoteConnections(List<LinkEnd> links, List<ClaimCitation> claims) {
        public static final NoteConnections NONE = new NoteConnections(List.of(), List.of());

        public boolean isEmpty() {
            return links.isEmpty() && claims.isEmpty();
        }
    }

    /**
     * A link as the card at one of its ends shows it.
     *
     * @param reads the relation as read from this end ("disputes", "is disputed by")
     * @param hereId the note at this end; {@code otherId} the one at the far end, in essay {@code otherSlug}
     * @param otherAuthor the far essay's author, or empty
     * @param firstWords the far passage's first words
     * @param otherRemoved the far end's note was deleted or its passage is gone
     * @param removable the viewer may remove the link (its author, or a moderator)
     */
    record LinkEnd(
            long id,
            String reads,
            String comment,
            long hereId,
            long otherId,
            String otherSlug,
            String otherTitle,
            String otherAuthor,
            String firstWords,
            boolean otherRemoved,
            boolean removable) {}

    /** A claim page that cites the passage, with the stance it takes ("supports", "disputes"). */
    record ClaimCitation(String stance, String claimSlug, String claimTitle) {}

    /** The links between this essay and one other, for the Connections panel ({@code templates/fragments/connections.html}). */
    record PanelGroup(String otherSlug, String otherTitle, List<PanelLink> links) {}

    /**
     * One link in the panel: {@code hereId} the note on this essay, {@code otherId} the far end,
     * {@code reads} the relation as a phrase, {@code removed} when the far passage is gone.
     */
    record PanelLink(long hereId, boolean outgoing, String reads, boolean removed, String firstWords, long otherId) {}

    /** {@code viewer} (may be null) decides which links offer "Remove link": their authors' and, for moderators, all. */
    Extras forEssay(long essayId, User viewer);

    /** The live links a note carries, each described in a sentence, for the step that deletes it. */
    default List<String> linksOf(long annotationId) {
        return List.of();
    }

    /** What removes those links inside the transaction that deletes the note. */
    default Consumer<Jdbc> linkRemover(User user, long annotationId) {
        return tx -> {};
    }
}
