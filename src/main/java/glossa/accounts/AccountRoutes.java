package glossa.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import javax.sql.DataSource;

/** The accounts feature's URLs: sign-up and sign-in, the own account and tokens, profiles, administration, and {@code /api/me}. */
public final class AccountRoutes {

    private final AccountController pages;
    private final AdminController admin;
    private final BackupDownload backup;
    private final AccountApi api;

    /** {@code contributions} lists a user's notes, replies and links for their profile (the changes feature provides it). */
    public AccountRoutes(
            AccountService accounts,
            UserRepository users,
            ApiTokens tokens,
            AuditLog audit,
            Contributions contributions,
            DataSource dataSource,
            Clock clock,
            ObjectMapper json) {
        pages = new AccountController(accounts, users, tokens, audit, contributions);
        admin = new AdminController(accounts, users, audit);
        backup = new BackupDownload(dataSource, audit, clock);
        api = new AccountApi(tokens, audit, json);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/signup", pages::showSignUp);
        routes.post("/signup", pages::processSignUp);
        routes.get("/signin", pages::showSignIn);
        routes.post("/signin", pages::processSignIn);
        routes.post("/signout", pages::signOut);
        routes.get("/account/password", pages::showPassword);
        routes.post("/account/password", pages::processPassword);
        routes.post("/account/tokens", pages::createToken);
        routes.post("/account/tokens/{id}/revoke", pages::revokeToken);
        routes.get("/users/{username}", pages::profile);
        routes.get("/admin/users", admin::users);
        routes.post("/admin/users/{id}/role", admin::setRole);
        routes.get("/admin/audit", admin::auditLog);
        routes.get("/admin/backup", backup::download);
        routes.get("/api/me", api::me);
        routes.get("/api/tokens", api::listTokens);
        routes.post("/api/tokens", api::createToken);
        routes.delete("/api/tokens/{id}", api::revokeToken);
    }
}
