package glossa.web;

import glossa.storage.Jdbc;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /healthz}: 200 when the database answers, 503 when it does not. For monitors, not people. */
public final class HealthController {

    private final Jdbc jdbc;

    public HealthController(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void health(Context ctx) {
        try {
            int essays = jdbc.queryOne("SELECT COUNT(*) FROM essay", rs -> rs.getInt(1))
                    .orElse(0);
            ctx.json(Map.of("status", "ok", "essays", essays));
        } catch (RuntimeException e) {
            // A monitor needs a status, not a trace; the cause is in the log line below.
            org.slf4j.LoggerFactory.getLogger(HealthController.class).warn("health check failed: {}", e.getMessage());
            ctx.status(503).json(Map.of("status", "unavailable"));
        }
    }
}
