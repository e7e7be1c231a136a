/**
 * Storage: the connection pool, Flyway migrations and a small JDBC helper. Repositories in each
 * feature package hold their own SQL; this package knows no table.
 */
package glossa.storage;
