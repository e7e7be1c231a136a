package glossa;

import glossa.accounts.AccountService;
import glossa.accounts.ApiTokens;
import glossa.accounts.AuditLog;
import glossa.accounts.InvalidInput;
import glossa.accounts.Role;
import glossa.accounts.Tokens;
import glossa.accounts.User;
import glossa.accounts.UserRepository;
import glossa.storage.Jdbc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code user add|list|role|password|token}: account administration from the command line, which is
 * how the first admin is made. Passwords are read from standard input, never from arguments (which
 * other users of the machine can see).
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage users: add, list, set roles, reset passwords, make API tokens.")
final class UserCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    Main.StorageOptions storage = new Main.StorageOptions();

    /** Where passwords are read from; standard input unless a test says otherwise. */
    private final InputStream stdin;

    UserCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    UserCommand() {
        this(System.in);
    }

    private interface Work {
        int run(Jdbc jdbc, AccountService accounts, UserRepository users, PrintWriter out, PrintWriter err)
                throws InvalidInput, IOException;
    }

    private int withAccounts(Work work) {
        PrintWriter err = spec.commandLine().getErr();
        return Main.withServices(
                spec,
                storage,
                services -> work.run(
                        services.jdbc,
                        services.accounts,
                        services.users,
                        spec.commandLine().getOut(),
                        err));
    }

    private String readPassword(PrintWriter err) throws InvalidInput {
        if (System.console() != null && stdin == System.in) {
            char[] typed = System.console().readPassword("Password: ");
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new InvalidInput("password", "could not read the password: " + e.getMessage());
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is read from standard input.")
    int add(
            @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--admin", description = "Make the user an admin.") boolean admin,
            @Option(names = "--role", description = "member, editor, moderator or admin (default member).")
                    String role) {
        return withAccounts((jdbc, accounts, users, out, err) -> {
            Role r = admin
                    ? Role.ADMIN
                    : Role.parse(role == null ? "member" : role)
                            .orElseThrow(() -> new InvalidInput(
                                    "role", "Unknown role '" + role + "': use member, editor, moderator or admin."));
            User user = accounts.create(name, readPassword(err), r);
            new AuditLog(jdbc, Clock.systemUTC())
                    .record(null, "user-added", user.username(), "role " + r.label() + ", from the command line", null);
            out.println("Added " + user.username() + " (" + r.label() + ").");
            return 0;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users with their roles.")
    int list() {
        return withAccounts((jdbc, accounts, users, out, err) -> {
            for (User u : users.all()) {
                out.println(u.username() + "\t" + u.role().label() + "\t" + u.createdAt());
            }
            return 0;
        });
    }

    @Command(
            name = "role",
            mixinStandardHelpOptions = true,
            description = "Set a user's role: member, editor, moderator or admin.")
    int role(@Parameters(paramLabel = "NAME") String name, @Parameters(paramLabel = "ROLE") String role) {
        return withAccounts((jdbc, accounts, users, out, err) -> {
            Role r = Role.parse(role)
                    .orElseThrow(() -> new InvalidInput(
                            "role", "Unknown role '" + role + "': use member, editor, moderator or admin."));
            User user = users.findByName(name)
                    .orElseThrow(() -> new InvalidInput("username", "There is no user " + name + "."));
            accounts.setRole(null, user.id(), r, null);
            out.println(user.username() + " is now " + r.label() + ".");
            return 0;
        });
    }

    @Command(
            name = "password",
            mixinStandardHelpOptions = true,
            description = "Reset a password (read from standard input); signs the user out everywhere.")
    int password(@Parameters(paramLabel = "NAME") String name) {
        return withAccounts((jdbc, accounts, users, out, err) -> {
            accounts.resetPassword(name, readPassword(err));
            out.println("Password reset for " + name + ".");
            return 0;
        });
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Make an API token for a user and print it once.")
    int token(
            @Parameters(paramLabel = "NAME") String name,
            @Option(
                            names = "--name",
                            defaultValue = "command line",
                            description = "A name for the token (default: ${DEFAULT-VALUE}).")
                    String tokenName) {
        return withAccounts((jdbc, accounts, users, out, err) -> {
            User user = users.findByName(name)
                    .orElseThrow(() -> new InvalidInput("username", "There is no user " + name + "."));
            Clock clock = Clock.systemUTC();
            String token = new ApiTokens(jdbc, new Tokens(), clock).create(user.id(), tokenName);
            new AuditLog(jdbc, clock)
                    .record(null, "token-created", user.username(), tokenName + ", from the command line", null);
            out.println(token);
            return 0;
        });
    }
}
