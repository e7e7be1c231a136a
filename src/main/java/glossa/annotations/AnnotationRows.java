package glossa.annotations;

import glossa.anchoring.Anchor;
import glossa.anchoring.TextQuoteSelector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Notes read from their table's rows (without their tags, which {@link AnnotationRepository} adds). */
final class AnnotationRows {

    private AnnotationRows() {}

    /** A row of {@code annotation} with the essay's slug and the author's name ({@code essay_slug}, {@code author_name}). */
    static Annotation map(ResultSet rs) throws SQLException {
        Long parent = (Long) rs.getObject("parent_id", Long.class);
        TextQuoteSelector made = null;
        TextQuoteSelector quote = null;
        Anchor anchor = null;
        if (rs.getString("made_exact") != null) {
            made = new TextQuoteSelector(
                    rs.getString("made_exact"), rs.getString("made_prefix"), rs.getString("made_suffix"));
            quote = new TextQuoteSelector(
                    rs.getString("anchor_exact"), rs.getString("anchor_prefix"), rs.getString("anchor_suffix"));
            Anchor.Method method = Anchor.Method.valueOf(rs.getString("anchor_method"));
            anchor = method == Anchor.Method.ORPHAN
                    ? Anchor.orphan()
                    : new Anchor(method, rs.getInt("anchor_start"), rs.getInt("anchor_end"), 1);
        }
        return new Annotation(
                rs.getLong("id"),
                rs.getLong("essay_id"),
                rs.getString("essay_slug"),
                parent,
                rs.getLong("author_id"),
                rs.getString("author_name"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("body"),
                rs.getString("body_html"),
                List.of(),
                rs.getString("canonical_iri"),
                (Long) rs.getObject("made_on_revision_id", Long.class),
                made,
                (Integer) rs.getObject("made_start", Integer.class),
                (Integer) rs.getObject("made_end", Integer.class),
                (Long) rs.getObject("anchor_revision_id", Long.class),
                anchor,
                quote,
                rs.getInt("version"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("deleted_at")),
                instant(rs.getTimestamp("hidden_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * A row of {@link AnnotationRepository#passages}' narrow query, by column number: a note on a passage
     * with only what carrying it to a new text needs.
     */
    static Annotation passage(ResultSet rs, long essayId) throws SQLException {
        TextQuoteSelector made = null;
        TextQuoteSelector quote = null;
        Anchor anchor = null;
        if (rs.getString(6) != null) {
            made = new TextQuoteSelector(rs.getString(6), rs.getString(7), rs.getString(8));
            quote = new TextQuoteSelector(rs.getString(15), rs.getString(16), rs.getString(17));
            Anchor.Method method = Anchor.Method.valueOf(rs.getString(12));
            anchor = method == Anchor.Method.ORPHAN
                    ? Anchor.orphan()
                    : new Anchor(method, rs.getInt(13), rs.getInt(14), 1);
        }
        return new Annotation(
                rs.getLong(1),
                essayId,
                null,
                null,
                rs.getLong(2),
                rs.getString(3),
                Kind.valueOf(rs.getString(4)),
                "",
                "",
                List.of(),
                null,
                (Long) rs.getObject(5, Long.class),
                made,
                (Integer) rs.getObject(9, Integer.class),
                (Integer) rs.getObject(10, Integer.class),
                (Long) rs.getObject(11, Long.class),
                anchor,
                quote,
                rs.getInt(18),
                instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)),
                null,
                instant(rs.getTimestamp(21)));
    }
}
