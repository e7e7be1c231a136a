package glossa.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import glossa.accounts.Access;
import glossa.accounts.AuditLog;
import glossa.accounts.Role;
import glossa.accounts.User;
import glossa.annotations.AnnotationExchange;
import glossa.annotations.AnnotationJson;
import glossa.claims.FullExchange;
import glossa.essays.EssayCatalog;
import glossa.essays.EssayRevision;
import glossa.web.PublicUrl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code /essays/{slug}/notes.jsonld} (anyone) and {@code /admin/export.jsonld} (admins): downloads of W3C JSON-LD. */
public final class ExportRoutes {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final AnnotationExchange notes;
    private final FullExchange site;
    private final EssayCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public ExportRoutes(
            AnnotationExchange notes, FullExchange site, EssayCatalog catalog, AuditLog audit, Clock clock) {
        this.notes = notes;
        this.site = site;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/essays/{slug}/notes.jsonld", this::essay);
        routes.get("/admin/export.jsonld", this::everything);
    }

    void essay(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        EssayRevision essay = catalog.find(slug)
                .orElseThrow(() -> new NotFoundResponse("There is no essay called \u201c" + slug + "\u201d."));
        ObjectNode doc = notes.exportEssay(
                PublicUrl.base(ctx),
                essay.essayId(),
                "The notes on \u201c" + essay.meta().title() + "\u201d");
        download(ctx, doc, essay.slug() + "-notes.jsonld");
    }

    /** Everything the export-annotations command writes, deleted and hidden notes included (their words already blanked): admins only. */
    void everything(Context ctx) throws IOException {
        User admin = Access.requireRole(ctx, Role.ADMIN);
        ObjectNode doc = site.export(PublicUrl.base(ctx));
        audit.record(admin.id(), "export-downloaded", "site", doc.path("total").asInt() + " items", ctx.ip());
        ctx.header("Cache-Control", "no-store");
        download(ctx, doc, "glossa-" + STAMP.format(clock.instant()) + ".jsonld");
    }

    private void download(Context ctx, ObjectNode doc, String filename) throws IOException {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .contentType(AnnotationJson.MEDIA_TYPE)
                .result(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    }
}
