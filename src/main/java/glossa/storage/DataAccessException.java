package glossa.storage;

/** A database call failed; carries the statement (never its parameters, which may hold secrets). */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String statement, Throwable cause) {
        super("database call failed: " + statement + ": " + cause.getMessage(), cause);
    }

    /** True when a unique key refused the write (SQLSTATE 23505, the same on H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
