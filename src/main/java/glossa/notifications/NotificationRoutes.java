package glossa.notifications;

import glossa.accounts.Access;
import glossa.accounts.User;
import glossa.storage.Jdbc;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /notifications}: the reader's replies and links, newest first, a page at a time; opening it
 * marks them all read. {@link #unseen} gives the header its count (see {@code web.PageModel}).
 */
public final class NotificationRoutes {

    static final int PAGE_SIZE = 30;
    private static final int MAX_PAGE = 100_000;
    private static final Logger log = LoggerFactory.getLogger(NotificationRoutes.class);

    private final NotificationRepository notifications;

    public NotificationRoutes(Jdbc jdbc) {
        this.notifications = new NotificationRepository(jdbc);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/notifications", this::list);
    }

    /** How many replies and links are new to {@code user}; 0 when that cannot be known just now. */
    public int unseen(User user) {
        try {
            return notifications.unseen(user.id());
        } catch (RuntimeException e) {
            // A count in the header is not worth failing the page the reader asked for: it is left out.
            log.warn("notification count for user {} failed: {}", user.id(), e.toString());
            return 0;
        }
    }

    void list(Context ctx) {
        User user = Access.requireUser(ctx);
        int page = page(ctx.queryParam("page"));
        NotificationRepository.Marker seen = notifications.marker(user.id());
        // The newest is read before the page, so nothing that arrives in between is marked read unseen.
        NotificationRepository.Marker newest = notifications.newest(user.id());
        List<Notification> rows = notifications.page(user.id(), seen, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        notifications.markSeen(user.id(), newest);
        Map<String, Object> m = new HashMap<>();
        m.put("notifications", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        m.put("page", page);
        m.put("more", rows.size() > PAGE_SIZE);
        m.put("newCount", rows.stream().filter(Notification::isNew).count());
        // Personal, and changed by being read: never stored by a cache.
        ctx.header("Cache-Control", "private, no-store");
        ctx.render("notifications/index", m);
    }

    private static int page(String raw) {
        if (raw == null || !raw.matches("\\d{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(raw)));
    }
}
