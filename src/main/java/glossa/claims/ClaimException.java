package glossa.claims;

/** A claim edit that breaks a rule; {@code field} names the form field at fault. Nothing has changed. */
public final class ClaimException extends glossa.web.Rejection {
    private static final long serialVersionUID = 1L;

    public ClaimException(int status, String field, String message) {
        super(status, field, message);
    }
}
