package glossa;

import glossa.storage.Backup;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code backup FILE} and {@code restore FILE}: everything Glossa keeps, exactly, as one JSON document
 * ({@link Backup}); gzip-compressed when the name ends in {@code .gz}. With the default H2 file
 * database, stop the server first (H2 lets one process open it) or download the backup from
 * {@code /admin/backup} while it runs; on PostgreSQL either works while serving.
 */
final class BackupCommands {

    private BackupCommands() {}

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description =
                    "Write everything (users, essays with every revision, notes, history, links, claims, audit log) to FILE.")
    static final class BackupCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Main.StorageOptions storage = new Main.StorageOptions();

        @Parameters(paramLabel = "FILE", description = "Where to write the backup (.json, or .json.gz to compress).")
        Path file;

        @Override
        public Integer call() {
            return Main.withDatabase(spec, storage, db -> {
                // Written beside the target and moved into place, so a failed backup never leaves half a file.
                Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
                Backup.Summary summary;
                try (OutputStream out = open(partial)) {
                    summary = new Backup(db.dataSource()).write(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine()
                        .getOut()
                        .println("Backed up " + summary.rows() + " rows of " + summary.tables() + " tables to " + file);
                return 0;
            });
        }

        private OutputStream open(Path path) throws java.io.IOException {
            OutputStream out = Files.newOutputStream(path);
            return path.toString().endsWith(".gz.partial") ? new GZIPOutputStream(out) : out;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Put a backup into a new, empty database (a fresh --data-dir, or an empty --db-url).")
    static final class RestoreCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Main.StorageOptions storage = new Main.StorageOptions();

        @Parameters(paramLabel = "FILE", description = "A file written by backup.")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println("glossa: cannot read " + file);
                return 2;
            }
            return Main.withDatabase(spec, storage, db -> {
                Backup.Summary summary;
                try (InputStream in = file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file)) {
                    summary = new Backup(db.dataSource()).restore(in);
                }
                spec.commandLine()
                        .getOut()
                        .println(
                                "Restored " + summary.rows() + " rows of " + summary.tables() + " tables from " + file);
                return 0;
            });
        }
    }
}
