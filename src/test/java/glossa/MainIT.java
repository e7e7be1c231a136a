package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainIT {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Main())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aPortInUseEndsTheStartWithOneClearLine() throws IOException {
        Path data = Files.createTempDirectory("glossa-main");
        try (ServerSocket busy = new ServerSocket(0)) {
            String[] r = run(
                    "serve",
                    "--port",
                    Integer.toString(busy.getLocalPort()),
                    "--data-dir",
                    data.toString(),
                    "--db-url",
                    "jdbc:h2:mem:main-port",
                    "--corpus",
                    data.resolve("none").toString());
            assertEquals("2", r[0]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertTrue(r[2].contains("port " + busy.getLocalPort() + " is already in use"), r[2]);
            assertFalse(r[2].contains("Exception"), r[2]);
        } finally {
            TestApp.deleteRecursively(data);
        }
    }

    @Test
    void anUnusableDataDirectoryEndsTheStartWithOneClearLine() throws IOException {
        Path file = Files.createTempFile("not-a-dir", ".txt");
        try {
            String[] r = run(
                    "serve", "--port", "0", "--data-dir", file.resolve("sub").toString());
            assertEquals("2", r[0]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertTrue(r[2].contains("data directory"), r[2]);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void importCommandReportsWhatItDid() throws IOException {
        Path data = Files.createTempDirectory("glossa-import");
        try {
            String url = "jdbc:h2:file:" + data.resolve("db");
            String[] first =
                    run("import", "--data-dir", data.toString(), "--db-url", url, TestApp.PROJECT_CORPUS.toString());
            assertEquals("0", first[0], first[2]);
            assertTrue(first[1].contains("5 added"), first[1]);
            String[] again =
                    run("import", "--data-dir", data.toString(), "--db-url", url, TestApp.PROJECT_CORPUS.toString());
            assertTrue(again[1].contains("0 added, 0 revised, 5 unchanged"), again[1]);
        } finally {
            TestApp.deleteRecursively(data);
        }
    }

    @Test
    void theDataDirectoryIsMadeAndKeptOwnerOnly() throws IOException {
        Path root = Files.createTempDirectory("glossa-perms");
        Path empty = Files.createDirectories(root.resolve("empty-corpus"));
        try {
            Path fresh = root.resolve("fresh").resolve("data");
            String[] made = run("import", "--data-dir", fresh.toString(), empty.toString());
            assertEquals("0", made[0], made[2]);
            assertEquals(
                    "rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)),
                    "a new directory is 0700");

            Path open = Files.createDirectories(root.resolve("open"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            String[] tightened = run("import", "--data-dir", open.toString(), empty.toString());
            assertEquals("0", tightened[0], tightened[2]);
            assertEquals(
                    "rwx------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(open)),
                    "an existing directory others could read is tightened");
        } finally {
            TestApp.deleteRecursively(root);
        }
    }

    @Test
    void aBadBaseUrlOrProxyEndsTheStartWithOneClearLine() throws IOException {
        Path data = Files.createTempDirectory("glossa-main");
        try {
            String[] url = run(
                    "serve",
                    "--port",
                    "0",
                    "--data-dir",
                    data.toString(),
                    "--db-url",
                    "jdbc:h2:mem:main-base",
                    "--base-url",
                    "glossa.example");
            assertEquals("2", url[0]);
            assertEquals(1, url[2].strip().lines().count(), url[2]);
            assertTrue(url[2].contains("--base-url"), url[2]);
            String[] proxy = run(
                    "serve",
                    "--port",
                    "0",
                    "--data-dir",
                    data.toString(),
                    "--db-url",
                    "jdbc:h2:mem:main-proxy",
                    "--trusted-proxy",
                    "10.0.0.1,proxy.example");
            assertEquals("2", proxy[0]);
            assertEquals(1, proxy[2].strip().lines().count(), proxy[2]);
            assertTrue(proxy[2].contains("\u201cproxy.example\u201d is not an IP address"), proxy[2]);
        } finally {
            TestApp.deleteRecursively(data);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"serve", "import"}) {
            String[] r = run(command, "--help");
            assertEquals("0", r[0]);
            assertTrue(r[1].contains("Usage: glossa " + command), r[1]);
        }
        String serve = run("serve", "--help")[1];
        for (String option :
                new String[] {"GLOSSA_PORT", "GLOSSA_HOST", "127.0.0.1", "GLOSSA_BASE_URL", "GLOSSA_TRUSTED_PROXY"}) {
            assertTrue(serve.contains(option), option + " in " + serve);
        }
    }
}
