package glossa.accounts;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.Map;

/** Admin pages: users and their roles, and the audit log. */
final class AdminController {

    private static final int AUDIT_PAGE = 200;

    private final AccountService accounts;
    private final UserRepository users;
    private final AuditLog audit;

    AdminController(AccountService accounts, UserRepository users, AuditLog audit) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    public void users(Context ctx) {
        Access.requireRole(ctx, Role.ADMIN);
        ctx.render("admin/users", Map.of("users", users.all(), "roles", Role.values(), "error", ""));
    }

    public void setRole(Context ctx) {
        User admin = Access.requireRole(ctx, Role.ADMIN);
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Role role = Role.parse(ctx.formParam("role")).orElseThrow(() -> new BadRequestResponse("Unknown role."));
        try {
            accounts.setRole(admin, id, role, ctx.ip());
            ctx.redirect("/admin/users", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(422)
                    .render(
                            "admin/users",
                            Map.of("users", users.all(), "roles", Role.values(), "error", e.getMessage()));
        }
    }

    public void auditLog(Context ctx) {
        Access.requireRole(ctx, Role.ADMIN);
        ctx.render("admin/audit", Map.of("events", audit.recent(AUDIT_PAGE)));
    }
}
