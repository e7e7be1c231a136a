/**
 * Accounts: users and roles, Argon2id passwords, database-backed sessions, personal API tokens,
 * sign-in throttling and the audit log. Reading is open to all; every write path checks here.
 */
package glossa.accounts;
