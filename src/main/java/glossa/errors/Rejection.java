package glossa.errors;

/**
 * A request that breaks a rule of some feature and changed nothing. Services throw it with a
 * {@link Reason} (not found, forbidden, conflict, stale, invalid...) and, for invalid input, the form
 * field at fault; the web layer's {@code ErrorPages} is the one place that turns a reason into an HTTP
 * status and a page or problem document.
 */
public abstract class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String field;

    protected Rejection(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The form field or JSON member at fault, or null when the request as a whole is refused. */
    public String field() {
        return field;
    }
}
