package glossa.editing;

import glossa.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the real command line against a test's database. */
final class Cli {

    private Cli() {}

    /** Returns {exit code, standard output, standard error}. */
    static String[] run(String dbUrl, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--db-url";
        full[args.length + 1] = dbUrl;
        full[args.length + 2] = "--data-dir";
        full[args.length + 3] = "target";
        java.io.InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int code = new CommandLine(newMain())
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(full);
            return new String[] {Integer.toString(code), out.toString(), err.toString()};
        } finally {
            System.setIn(saved);
        }
    }

    private static Object newMain() {
        try {
            var c = Main.class.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
