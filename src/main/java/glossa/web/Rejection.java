package glossa.web;

/**
 * A request that breaks a rule of some feature and changed nothing. {@code status} is the HTTP status
 * that fits (403, 404, 409, 412, 422, 428...); {@code field} the form field at fault, if any.
 * {@link ErrorPages#rejected} turns every kind into a page or a problem document, in one place.
 */
public abstract class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    protected Rejection(int status, String field, String message) {
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
