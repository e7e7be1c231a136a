package glossa;

import ch.qos.logback.classic.LoggerContext;
import io.javalin.util.JavalinBindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glossa serve}: checks the options and the data folder, starts the server and keeps it until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Import the corpus and start the web server.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Main.StorageOptions storage = new Main.StorageOptions();

    @Option(
            names = "--port",
            defaultValue = "${env:GLOSSA_PORT:-7070}",
            description = "TCP port (env GLOSSA_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--corpus",
            defaultValue = "${env:GLOSSA_CORPUS:-./corpus}",
            description = "Corpus folder imported at start-up (env GLOSSA_CORPUS; default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(
            names = "--write-limit",
            defaultValue = "${env:GLOSSA_WRITE_LIMIT:-" + Config.DEFAULT_WRITES_PER_MINUTE + "}",
            description =
                    "Writes one account (not an admin) may make per minute; 0 for no limit (env GLOSSA_WRITE_LIMIT; default ${DEFAULT-VALUE}).")
    int writeLimit;

    @Option(
            names = "--dev",
            defaultValue = "${env:GLOSSA_DEV:-false}",
            description = "Serve templates/ and static/ from disk, uncached (env GLOSSA_DEV).")
    boolean dev;

    @Option(
            names = "--host",
            defaultValue = "${env:GLOSSA_HOST:-" + Config.DEFAULT_HOST + "}",
            description =
                    "Interface to listen on; 0.0.0.0 (or ::) for all (env GLOSSA_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--base-url",
            defaultValue = "${env:GLOSSA_BASE_URL}",
            description = "The site's public address, used in API IRIs and Location headers "
                    + "(env GLOSSA_BASE_URL; default http://localhost:PORT).")
    String baseUrl;

    @Option(
            names = "--trusted-proxy",
            split = ",",
            defaultValue = "${env:GLOSSA_TRUSTED_PROXY}",
            description = "IP addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, "
                    + "comma-separated (env GLOSSA_TRUSTED_PROXY; default none).")
    List<String> trustedProxies;

    @Override
    public Integer call() {
        Config config;
        try {
            config = new Config(
                    port, storage.dataDir, storage.dbUrl, corpus, dev, host, baseUrl, trustedProxies, writeLimit);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("glossa: " + e.getMessage());
            return 2;
        }
        String problem = Main.checkDataDir(config);
        if (problem != null) {
            spec.commandLine().getErr().println("glossa: " + problem);
            return 2;
        }
        App app;
        try {
            app = App.create(config);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("glossa: cannot start: " + Main.rootMessage(e));
            return 2;
        }
        try {
            app.start();
        } catch (JavalinBindException e) {
            app.close();
            spec.commandLine()
                    .getErr()
                    .println(
                            "glossa: port " + port + " is already in use on " + config.host()
                                    + " (or that address is not this machine's); stop the other server or pass --port or --host");
            return 2;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            // Last: the request log is written by a thread of its own (logback.xml); stopping the
                            // logging context writes out what it still holds.
                            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                                logging.stop();
                            }
                        },
                        "glossa-shutdown"));
        app.warmUp();
        String shown = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        System.out.println("Glossa is listening on " + shown + ":" + app.port()
                + (config.baseUrl() == null ? "" : ", serving " + config.baseUrl()) + "/");
        return 0;
    }
}
