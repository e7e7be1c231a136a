package glossa.claims;

import glossa.errors.Reason;

/** A claim edit that breaks a rule; {@code field} names the form field at fault. Nothing has changed. */
public final class ClaimException extends glossa.errors.Rejection {
    private static final long serialVersionUID = 1L;

    public ClaimException(Reason reason, String field, String message) {
        super(reason, field, message);
    }
}
