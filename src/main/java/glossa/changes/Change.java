package glossa.changes;

import java.time.Instant;

/**
 * One change, for the recent changes page.
 *
 * @param kind essay, note, reply, link or claim
 * @param who the username; null for the system account (a corpus file)
 * @param essay the essay's slug (null for a claim)
 * @param claim the claim's slug (null unless a claim changed)
 * @param title what changed: an essay's or claim's title, or the words of a note's passage
 * @param detail the edit summary, or the start of a note, reply or link comment
 * @param number the revision number for essays and claims, 0 otherwise
 * @param noteId the note (for a reply, the note replied to; for a link, its first end), 0 for revisions
 * @param ref the changed row's own id in its table (revision, note, reply, link or claim revision)
 */
public record Change(
        String kind,
        Instant at,
        String who,
        String essay,
        String claim,
        String title,
        String detail,
        int number,
        long noteId,
        long ref) {

    /** Where to look at the change: the diff of a revision, or the note. */
    public String href() {
        return switch (kind) {
            case "essay" ->
                number > 1 ? "/essays/" + essay + "/diff?from=" + (number - 1) + "&to=" + number : "/essays/" + essay;
            case "claim" ->
                number > 1 ? "/claims/" + claim + "/diff?from=" + (number - 1) + "&to=" + number : "/claims/" + claim;
            case "reply" -> "/annotations/" + noteId + "#a-" + ref;
            default -> "/annotations/" + noteId;
        };
    }

    /** A permanent, unique name for the change (an Atom entry id), below the site's address. */
    public String key() {
        return "/changes/" + kind + "/" + ref;
    }

    public String whoLabel() {
        return who == null ? "system" : who;
    }
}
