package glossa.editing;

/** The command line for tests of other packages. */
public final class CliAccess {

    private CliAccess() {}

    public static String[] run(String dbUrl, String... args) {
        return Cli.run(dbUrl, "", args);
    }
}
