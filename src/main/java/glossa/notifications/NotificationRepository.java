package glossa.notifications;

import glossa.storage.DataAccessException;
import glossa.storage.Jdbc;
import java.util.List;

/** The reader's notifications and their marker. All SQL of this feature; every value bound. */
final class NotificationRepository {

    /** Visible replies by others to notes of the reader (? = reader, reader). */
    private static final String REPLIES = " FROM annotation r JOIN annotation p ON p.id = r.parent_id"
            + " WHERE p.author_id = ? AND r.author_id <> ? AND r.deleted_at IS NULL AND r.hidden_at IS NULL";
    /**
     * Links by others, still standing, from a visible note to a passage that overlaps a visible note
     * of the reader's on the same revision (? = reader, reader).
     */
    private static final String LINKS = " FROM passage_link l JOIN annotation t ON t.id = l.to_annotation_id"
            + " JOIN annotation f ON f.id = l.from_annotation_id"
            + " WHERE l.deleted_at IS NULL AND l.author_id <> ? AND f.deleted_at IS NULL AND f.hidden_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM annotation n WHERE n.author_id = ? AND n.essay_id = t.essay_id AND n.parent_id IS NULL"
            + " AND n.kind <> 'ANCHOR' AND n.deleted_at IS NULL AND n.hidden_at IS NULL AND n.anchor_revision_id = t.anchor_revision_id"
            + " AND n.anchor_start < t.anchor_end AND n.anchor_end > t.anchor_start)";
    /** The essay's title as its newest revision has it. */
    private static final String TITLE =
            "(SELECT v.title FROM essay_revision v WHERE v.essay_id = e.id AND v.revision_no = e.revision_no)";

    private static final String LIST =
            "SELECT 'reply' AS kind, r.id AS ref, r.created_at AS at, u.username AS who, e.slug AS essay,"
                    + " p.id AS note, p.anchor_exact AS quote, r.body AS text, " + TITLE + " AS title"
                    + REPLIES.replaceFirst(
                            " WHERE",
                            " JOIN app_user u ON u.id = r.author_id" + " JOIN essay e ON e.id = r.essay_id WHERE")
                    + " UNION ALL SELECT 'link', l.id, l.created_at, u.username, e.slug, f.id, t.anchor_exact,"
                    + " CASE WHEN l.comment = '' THEN l.relation ELSE l.comment END, " + TITLE
                    + LINKS.replaceFirst(
                            " WHERE",
                            " JOIN app_user u ON u.id = l.author_id" + " JOIN essay e ON e.id = t.essay_id WHERE")
                    + " ORDER BY 3 DESC, 2 DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";

    /** How far the reader has read: reply (annotation) ids and link ids up to these are seen. */
    record Marker(long replies, long links) {
        static final Marker NOTHING = new Marker(0, 0);
    }

    private final Jdbc jdbc;

    NotificationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** New replies and links for the reader, in one statement (it runs on every page a signed-in reader opens). */
    int unseen(long userId) {
        return jdbc.queryOne(
                        "SELECT (SELECT COUNT(*)" + REPLIES + " AND r.id > m.r) + (SELECT COUNT(*)" + LINKS
                                + " AND l.id > m.l)"
                                + " FROM (SELECT COALESCE(MAX(replies_seen_to), 0) AS r, COALESCE(MAX(links_seen_to), 0) AS l"
                                + " FROM notification_seen WHERE user_id = ?) m",
                        rs -> rs.getInt(1),
                        userId,
                        userId,
                        userId,
                        userId,
                        userId)
                .orElse(0);
    }

    Marker marker(long userId) {
        return jdbc.queryOne(
                        "SELECT replies_seen_to, links_seen_to FROM notification_seen WHERE user_id = ?",
                        rs -> new Marker(rs.getLong(1), rs.getLong(2)),
                        userId)
                .orElse(Marker.NOTHING);
    }

    /** The newest of the reader's notifications, as a marker: everything up to it is what they now see. */
    Marker newest(long userId) {
        return jdbc.queryOne(
                        "SELECT (SELECT COALESCE(MAX(r.id), 0)" + REPLIES + "), (SELECT COALESCE(MAX(l.id), 0)" + LINKS
                                + ")",
                        rs -> new Marker(rs.getLong(1), rs.getLong(2)),
                        userId,
                        userId,
                        userId,
                        userId)
                .orElse(Marker.NOTHING);
    }

    /** One page, newest first; {@code limit + 1} rows are read so the caller knows whether more follow. */
    List<Notification> page(long userId, Marker seen, int offset, int limit) {
        return jdbc.query(
                LIST,
                rs -> {
                    String kind = rs.getString(1);
                    long id = rs.getLong(2);
                    return new Notification(
                            kind,
                            id,
                            rs.getTimestamp(3).toInstant(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            abbreviate(rs.getString(7)),
                            abbreviate(rs.getString(8)),
                            rs.getString(9),
                            id > (kind.equals("reply") ? seen.replies() : seen.links()));
                },
                userId,
                userId,
                userId,
                userId,
                offset,
                limit + 1);
    }

    /** Moves the reader's marker up to {@code to} (never back: two tabs may race). */
    void markSeen(long userId, Marker to) {
        String raise =
                "UPDATE notification_seen SET replies_seen_to = CASE WHEN replies_seen_to < ? THEN ? ELSE replies_seen_to END,"
                        + " links_seen_to = CASE WHEN links_seen_to < ? THEN ? ELSE links_seen_to END WHERE user_id = ?";
        Object[] params = {to.replies(), to.replies(), to.links(), to.links(), userId};
        if (jdbc.update(raise, params) > 0) {
            return;
        }
        try {
            jdbc.update(
                    "INSERT INTO notification_seen (user_id, replies_seen_to, links_seen_to) VALUES (?, ?, ?)",
                    userId,
                    to.replies(),
                    to.links());
        } catch (DataAccessException e) {
            // Another request made the row first (the same reader in two tabs): raise that one instead.
            jdbc.update(raise, params);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 159) + "\u2026";
    }
}
