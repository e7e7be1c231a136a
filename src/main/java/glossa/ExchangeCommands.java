package glossa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export-annotations}, {@code import-annotations} and {@code export-essays}: the W3C exchange
 * document of notes, links and claims, and the essays as corpus Markdown files.
 */
final class ExchangeCommands {

    private ExchangeCommands() {}

    @Command(
            name = "export-annotations",
            mixinStandardHelpOptions = true,
            description = "Write every note and reply as one W3C AnnotationCollection (JSON-LD).")
    static final class ExportAnnotations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Main.StorageOptions storage = new Main.StorageOptions();

        @Parameters(paramLabel = "FILE", description = "Where to write the JSON-LD ('-' for standard output).")
        String file;

        @Option(
                names = "--base-url",
                defaultValue = "${env:GLOSSA_BASE_URL:-http://localhost:7070}",
                description = "Origin used in the notes' IRIs (env GLOSSA_BASE_URL; default ${DEFAULT-VALUE}).")
        String baseUrl;

        @Override
        public Integer call() {
            return Main.withServices(spec, storage, services -> {
                var doc = services.exchange().export(baseUrl);
                String text = new com.fasterxml.jackson.databind.ObjectMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(doc);
                if (file.equals("-")) {
                    spec.commandLine().getOut().println(text);
                } else {
                    Files.writeString(Path.of(file), text);
                    spec.commandLine()
                            .getOut()
                            .println("Wrote " + doc.path("total").asInt() + " annotations to " + file);
                }
                return 0;
            });
        }
    }

    @Command(
            name = "export-essays",
            mixinStandardHelpOptions = true,
            description =
                    "Write every essay's current revision as DIR/SLUG.md, front matter and Markdown (a corpus folder).")
    static final class ExportEssays implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Main.StorageOptions storage = new Main.StorageOptions();

        @Parameters(paramLabel = "DIR", description = "The folder to write into (created if missing).")
        Path dir;

        @Override
        public Integer call() {
            return Main.withServices(spec, storage, services -> {
                var written = new glossa.essays.EssayExport(services.essays).exportTo(dir);
                spec.commandLine().getOut().println("Wrote " + written.size() + " essays to " + dir);
                return 0;
            });
        }
    }

    @Command(
            name = "import-annotations",
            mixinStandardHelpOptions = true,
            description = "Read notes from a W3C AnnotationCollection written by export-annotations.")
    static final class ImportAnnotations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Main.StorageOptions storage = new Main.StorageOptions();

        @Parameters(paramLabel = "FILE", description = "The JSON-LD file.")
        Path file;

        @Override
        public Integer call() {
            com.fasterxml.jackson.databind.JsonNode doc;
            try {
                doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(file));
            } catch (IOException e) {
                spec.commandLine().getErr().println("glossa: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            return Main.withServices(spec, storage, services -> {
                var result = services.exchange().importAll(doc);
                result.problems().forEach(p -> spec.commandLine().getErr().println("skipped " + p));
                spec.commandLine()
                        .getOut()
                        .println(result.imported() + " imported, " + result.skipped() + " already here, "
                                + result.problems().size() + " skipped");
                return result.problems().isEmpty() ? 0 : 1;
            });
        }
    }
}
