package glossa.changes;

import glossa.accounts.Sessions;
import glossa.essays.EssayCatalog;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /changes}: recent changes with filters (kind, essay, user, hide my own) and paging. */
final class ChangesController {

    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGE = 10_000;

    private final ChangeRepository changes;
    private final EssayCatalog catalog;

    ChangesController(ChangeRepository changes, EssayCatalog catalog) {
        this.changes = changes;
        this.catalog = catalog;
    }

    public void list(Context ctx) {
        String kind = blankToNull(ctx.queryParam("kind"));
        if (kind != null && !ChangeRepository.KINDS.contains(kind)) {
            kind = null;
        }
        String essay = blankToNull(ctx.queryParam("essay"));
        String user = blankToNull(ctx.queryParam("user"));
        if (user != null && user.length() > 64) {
            user = user.substring(0, 64);
        }
        boolean hideMine = "on".equals(ctx.queryParam("hidemine")) || "1".equals(ctx.queryParam("hidemine"));
        String me = Sessions.currentUser(ctx).map(u -> u.username()).orElse(null);
        int page = page(ctx.queryParam("page"));
        ChangeFilter filter = new ChangeFilter(kind, essay, user, hideMine ? me : null);
        List<Change> rows = changes.find(filter, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        boolean more = rows.size() > PAGE_SIZE;
        Map<String, Object> m = new HashMap<>();
        m.put("changes", more ? rows.subList(0, PAGE_SIZE) : rows);
        m.put("page", page);
        m.put("more", more);
        m.put("kind", kind == null ? "" : kind);
        m.put("essay", essay == null ? "" : essay);
        m.put("who", user == null ? "" : user);
        m.put("hideMine", hideMine);
        m.put("kinds", List.of("essay", "note", "reply", "link", "claim"));
        m.put("essays", catalog.all());
        m.put("query", query(kind, essay, user, hideMine));
        ctx.render("changes/index", m);
    }

    /** The filter part of the address, for the paging links. */
    private static String query(String kind, String essay, String user, boolean hideMine) {
        StringBuilder q = new StringBuilder();
        append(q, "kind", kind);
        append(q, "essay", essay);
        append(q, "user", user);
        append(q, "hidemine", hideMine ? "on" : null);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&')
                    .append(name)
                    .append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static int page(String raw) {
        if (raw == null || !raw.matches("\\d{1,5}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(raw)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
