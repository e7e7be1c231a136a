package glossa.claims;

/** A claim edit that breaks a rule; {@code field} names the form field at fault. Nothing has changed. */
public final class ClaimException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    public ClaimException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
