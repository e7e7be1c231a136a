package glossa;

import glossa.essays.ImportReport;
import glossa.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command line: {@code serve}, {@code import DIR}; each with {@code --help}. */
@Command(
        name = "glossa",
        mixinStandardHelpOptions = true,
        version = "Glossa 0.1",
        description = "A server-rendered annotation wiki for reading contested texts closely.",
        subcommands = {
            ServeCommand.class,
            Main.Import.class,
            UserCommand.class,
            ExchangeCommands.ExportAnnotations.class,
            ExchangeCommands.ImportAnnotations.class,
            ExchangeCommands.ExportEssays.class,
            BackupCommands.BackupCommand.class,
            BackupCommands.RestoreCommand.class,
            Main.Reindex.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);

    /** Options every command shares; each can also come from an environment variable. */
    static final class StorageOptions {
        @Option(
                names = "--data-dir",
                scope = CommandLine.ScopeType.INHERIT,
                defaultValue = "${env:GLOSSA_DATA_DIR:-./data}",
                description =
                        "Directory for the database and local state (env GLOSSA_DATA_DIR; default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(
                names = "--db-url",
                scope = CommandLine.ScopeType.INHERIT,
                defaultValue = "${env:GLOSSA_DB_URL}",
                description = "JDBC URL (env GLOSSA_DB_URL; default an H2 file database in the data directory).")
        String dbUrl;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a folder of corpus Markdown files.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage = new StorageOptions();

        @Parameters(paramLabel = "DIR", description = "Folder of .md files with YAML front matter.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            var err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println("glossa: " + dir + " is not a folder");
                return 2;
            }
            return withServices(spec, storage, services -> {
                ImportReport report = services.importCorpus(dir);
                report.problems().forEach(p -> err.println("skipped " + p));
                spec.commandLine().getOut().println(report.summary());
                return report.problems().isEmpty() ? 0 : 1;
            });
        }
    }

    @Command(
            name = "reindex",
            mixinStandardHelpOptions = true,
            description = "Rebuild the search index in the data directory from the database (stop the server first).")
    static final class Reindex implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StorageOptions storage = new StorageOptions();

        @Override
        public Integer call() {
            Config config = new Config(0, storage.dataDir, storage.dbUrl, null, false);
            return withServices(spec, storage, services -> {
                long start = System.nanoTime();
                try (var search = services.openSearch(config)) {
                    search.rebuild();
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "Search index rebuilt in %d ms (%d KiB).%n",
                                    (System.nanoTime() - start) / 1_000_000, search.sizeOnDisk() / 1024);
                }
                return 0;
            });
        }
    }

    /** What a command does with the services, once the database is open. */
    interface ServicesWork {
        int run(Services services) throws Exception;
    }

    /** What a command does with the database itself (backup and restore work below the services). */
    interface DatabaseWork {
        int run(Database db) throws Exception;
    }

    /** Opens the database named by the storage options and runs {@code work} with the services on it. */
    static int withServices(CommandSpec spec, StorageOptions storage, ServicesWork work) {
        return withDatabase(spec, storage, db -> work.run(new Services(db.jdbc(), Clock.systemUTC())));
    }

    /**
     * Opens (and migrates) the database named by the storage options and runs {@code work}. Every
     * failure ends as one line on standard error: a broken rule (exit 1) or anything else (exit 2),
     * never a stack trace.
     */
    static int withDatabase(CommandSpec spec, StorageOptions storage, DatabaseWork work) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        Config config = new Config(0, storage.dataDir, storage.dbUrl, null, false);
        String problem = checkDataDir(config);
        if (problem != null) {
            err.println("glossa: " + problem);
            return 2;
        }
        try (Database db = Database.open(config.dbUrl())) {
            return work.run(db);
        } catch (glossa.accounts.InvalidInput | IllegalArgumentException | IllegalStateException e) {
            err.println("glossa: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("glossa: " + rootMessage(e));
            return 2;
        }
    }

    /** Owner only: the database holds password hashes and sessions, and H2 creates its files with the umask. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /**
     * One clear line instead of a stack trace when the data directory cannot be used. The directory
     * is made readable by its owner only (0700), and an existing one that others could read is
     * tightened, with a log line saying so.
     */
    static String checkDataDir(Config config) {
        if (!config.usesDataDirForDatabase()) {
            return null;
        }
        Path dir = config.dataDir();
        try {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir); // no POSIX permissions on this file system (Windows): nothing to restrict
            }
            tighten(dir);
        } catch (IOException | SecurityException e) {
            return "cannot create the data directory " + dir + " ("
                    + e.getClass().getSimpleName() + ")";
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
            return "the data directory " + dir + " is not readable and writable by this user";
        }
        return null;
    }

    /** Takes every permission away from group and others; nothing to do on file systems without POSIX permissions. */
    private static void tighten(Path dir) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> now = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(now)) {
            Set<PosixFilePermission> owner = java.util.EnumSet.copyOf(now);
            owner.retainAll(OWNER_ONLY);
            view.setPermissions(owner);
            log.warn(
                    "The data directory {} was open to other users ({}); it is now {} (owner only).",
                    dir,
                    PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(owner));
        }
    }

    /** The innermost cause's first line: what actually went wrong, without the stack. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
