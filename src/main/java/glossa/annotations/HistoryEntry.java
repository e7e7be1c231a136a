package glossa.annotations;

import java.time.Instant;

/** One change to a note, for its public history. {@code editor} is null for the system (re-anchoring). */
public record HistoryEntry(
        long id,
        long annotationId,
        String editor,
        Instant at,
        String change,
        String bodyBefore,
        String bodyAfter,
        String tagsBefore,
        String tagsAfter,
        String passageBefore,
        String passageAfter) {

    /** The entry with the note's words left out (body and tags), for a reader who may not see them. */
    HistoryEntry withoutWords() {
        return new HistoryEntry(
                id, annotationId, editor, at, change, null, null, null, null, passageBefore, passageAfter);
    }
}
