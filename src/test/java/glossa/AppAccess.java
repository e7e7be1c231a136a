package glossa;

/** Reaches into an {@link App} for tests outside this package. */
public final class AppAccess {
    private AppAccess() {}

    /** Closes the app's connection pool, so every later database call fails as if the database were down. */
    public static void closeDatabase(App app) {
        app.database().close();
    }
}
