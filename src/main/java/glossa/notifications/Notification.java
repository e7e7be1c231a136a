package glossa.notifications;

import java.time.Instant;

/**
 * A reply to one of the reader's notes, or a link another reader made to a passage the reader annotated.
 *
 * @param kind "reply" or "link"
 * @param id the reply's (annotation) or link's own id
 * @param noteId for a reply, the reader's note; for a link, the note it starts from
 * @param quote the words of the reader's passage
 * @param text the start of the reply or of the link's comment (or the link's relation), plain text
 * @param essayTitle the essay's title, as readers see it (the {@code essay} slug is for its address)
 * @param isNew above the reader's marker when the page was opened
 */
public record Notification(
        String kind,
        long id,
        Instant at,
        String who,
        String essay,
        long noteId,
        String quote,
        String text,
        String essayTitle,
        boolean isNew) {

    public String href() {
        return kind.equals("reply") ? "/annotations/" + noteId + "#a-" + id : "/annotations/" + noteId;
    }
}
