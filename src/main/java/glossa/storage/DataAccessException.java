package glossa.storage;

/** A database call failed; carries the statement (never its parameters, which may hold secrets). */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(String statement, Throwable cause) {
        super("database call failed: " + statement + ": " + cause.getMessage(), cause);
    }
}
