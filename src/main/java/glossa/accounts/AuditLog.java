package glossa.accounts;

import glossa.storage.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Records who did what to accounts and content; admins read it. Append-only. */
public final class AuditLog {

    /** One recorded event; {@code actor} is null for the anonymous or the system. */
    public record Event(
            long id, Instant at, String actor, String action, String subject, String detail, String address) {}

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Long actorId, String action, String subject, String detail, String address) {
        jdbc.update(
                "INSERT INTO audit_event (occurred_at, actor_id, action, subject, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
                clock.instant().atOffset(ZoneOffset.UTC),
                actorId,
                action,
                truncate(subject, 200),
                truncate(detail, 1000),
                truncate(address, 64));
    }

    public List<Event> recent(int limit) {
        return jdbc.query(
                "SELECT a.id, a.occurred_at, u.username, a.action, a.subject, a.detail, a.address FROM audit_event a"
                        + " LEFT JOIN app_user u ON u.id = a.actor_id ORDER BY a.occurred_at DESC, a.id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY",
                rs -> new Event(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
