package glossa.durability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Glossa as an operator runs it: the packaged jar in a process of its own, on an H2 file database in
 * a data directory, so a test can kill it (hard, or with SIGTERM) and start it again on the same data.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "glossa.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Process process;

    private ServerProcess(Path dataDir, Path log, int port, Process process) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Runs a command of the jar (not {@code serve}) on the data directory to its end, with {@code stdin}; returns its output. */
    static String command(Path dataDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--data-dir", dataDir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("glossa " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Starts {@code serve} on a free port and waits until it answers. */
    static ServerProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("glossa-server", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                java(),
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                "--corpus",
                "corpus"));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(dataDir, log, port, p);
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited at start: " + Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base() + "/healthz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: try again shortly.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer within " + START_TIMEOUT);
    }

    String base() {
        return "http://localhost:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: the process gets no chance to write anything more. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops a server; returns its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
