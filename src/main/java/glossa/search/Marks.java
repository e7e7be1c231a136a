package glossa.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far the index has read. Ids are the largest seen. {@code since} is where the next poll's
 * window of written rows begins: {@link Indexer#SLACK} before the previous poll started, by the
 * application's clock (the one that stamps {@code updated_at}), so a row is read again only while
 * it is young, and a transaction that commits late, stamped up to {@code SLACK} before it commits,
 * is still seen. {@code changes} counts documents touched in the current round.
 */
record Marks(long essayRevision, long claimRevision, long noteId, long linkId, Instant since, int changes) {

    static final Marks NONE = new Marks(0, 0, 0, 0, Instant.EPOCH, 0);

    Marks withEssayRevision(long id) {
        return new Marks(id, claimRevision, noteId, linkId, since, changes);
    }

    Marks withClaimRevision(long id) {
        return new Marks(essayRevision, id, noteId, linkId, since, changes);
    }

    Marks withNote(long id) {
        return new Marks(essayRevision, claimRevision, Math.max(noteId, id), linkId, since, changes);
    }

    Marks withLink(long id) {
        return new Marks(essayRevision, claimRevision, noteId, Math.max(linkId, id), since, changes);
    }

    Marks withSince(Instant at) {
        return new Marks(essayRevision, claimRevision, noteId, linkId, at, changes);
    }

    Marks withChanges(int n) {
        return new Marks(essayRevision, claimRevision, noteId, linkId, since, n);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        m.put("essayRevision", Long.toString(essayRevision));
        m.put("claimRevision", Long.toString(claimRevision));
        m.put("noteId", Long.toString(noteId));
        m.put("linkId", Long.toString(linkId));
        m.put("since", since.toString());
        return m;
    }

    static Marks from(Map<String, String> m) {
        try {
            return new Marks(
                    Long.parseLong(m.get("essayRevision")),
                    Long.parseLong(m.get("claimRevision")),
                    Long.parseLong(m.get("noteId")),
                    Long.parseLong(m.get("linkId")),
                    Instant.parse(m.get("since")),
                    0);
        } catch (RuntimeException e) {
            // Marks missing or garbled: start from nothing, which re-reads every row (documents are keyed, so nothing
            // doubles).
            return NONE;
        }
    }
}
