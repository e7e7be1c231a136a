/**
 * Storage: the connection pool, Flyway migrations and a small JDBC helper. Repositories in each
 * feature package hold their own SQL; this package knows no table except the two that let several
 * servers share one database: the change log ({@link glossa.storage.ChangeFeed}, written by triggers)
 * and the start-up lock ({@link glossa.storage.StartupLock}, a PostgreSQL advisory lock).
 */
package glossa.storage;
