package glossa.accounts;

import glossa.storage.Backup;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;

/**
 * {@code GET /admin/backup}: the same document as the {@code backup} command, taken while the server
 * runs (a consistent snapshot) and downloaded by an admin. It is the online backup for the default H2
 * file database, which the command cannot open while the server holds it. The download holds password
 * hashes and token hashes: admins only, never cached, and each download is in the audit log.
 */
final class BackupDownload {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    BackupDownload(DataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    public void download(Context ctx) throws IOException {
        User admin = Access.requireRole(ctx, Role.ADMIN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Backup.Summary summary;
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            summary = new Backup(dataSource).write(gzip);
        }
        audit.record(admin.id(), "backup-downloaded", "site", summary.rows() + " rows", ctx.ip());
        ctx.header("Cache-Control", "no-store")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"glossa-" + STAMP.format(clock.instant()) + ".json.gz\"")
                .contentType("application/gzip")
                .result(bytes.toByteArray());
    }
}
