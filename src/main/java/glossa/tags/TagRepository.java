package glossa.tags;

import glossa.storage.Jdbc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tags of visible notes. All SQL of this feature; every value bound. */
final class TagRepository {

    /** A note every reader sees: not deleted, not hidden, not a bare link passage, not a reply. */
    private static final String VISIBLE =
            "a.deleted_at IS NULL AND a.hidden_at IS NULL AND a.kind <> 'ANCHOR' AND a.parent_id IS NULL";

    private final Jdbc jdbc;

    TagRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every tag with its count of visible notes, alphabetically ignoring case. */
    List<TagCount> all() {
        return jdbc.query(
                "SELECT MIN(t.tag), COUNT(DISTINCT a.id) FROM annotation_tag t JOIN annotation a ON a.id = t.annotation_id"
                        + " WHERE " + VISIBLE + " GROUP BY LOWER(t.tag) ORDER BY LOWER(MIN(t.tag))",
                rs -> new TagCount(rs.getString(1), rs.getInt(2)));
    }

    int count(String tag) {
        return jdbc.queryOne(
                        "SELECT COUNT(*) FROM annotation a WHERE " + VISIBLE
                                + " AND EXISTS (SELECT 1 FROM annotation_tag t WHERE t.annotation_id = a.id AND LOWER(t.tag) = LOWER(?))",
                        rs -> rs.getInt(1),
                        tag)
                .orElse(0);
    }

    /** One page of the visible notes carrying {@code tag}, newest first. */
    List<TaggedNote> notes(String tag, int offset, int limit) {
        List<TaggedNote> rows = jdbc.query(
                "SELECT a.id, e.slug, u.username, a.anchor_exact, a.body_html, a.created_at"
                        + " FROM annotation a JOIN essay e ON e.id = a.essay_id JOIN app_user u ON u.id = a.author_id WHERE "
                        + VISIBLE
                        + " AND EXISTS (SELECT 1 FROM annotation_tag t WHERE t.annotation_id = a.id AND LOWER(t.tag) = LOWER(?))"
                        + " ORDER BY a.created_at DESC, a.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                rs -> new TaggedNote(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        List.of()),
                tag,
                offset,
                limit);
        return withTags(rows);
    }

    /** The page's notes with all their tags: one query, the ids bound (a page is far below any parameter limit). */
    private List<TaggedNote> withTags(List<TaggedNote> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        String marks = String.join(", ", Collections.nCopies(rows.size(), "?"));
        Map<Long, List<String>> tags = new HashMap<>();
        jdbc.query(
                "SELECT annotation_id, tag FROM annotation_tag WHERE annotation_id IN (" + marks
                        + ") ORDER BY position",
                rs -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)),
                rows.stream().map(TaggedNote::id).toArray());
        return rows.stream()
                .map(n -> new TaggedNote(
                        n.id(),
                        n.essaySlug(),
                        n.author(),
                        n.quote(),
                        n.bodyHtml(),
                        n.at(),
                        List.copyOf(tags.getOrDefault(n.id(), List.of()))))
                .toList();
    }
}
