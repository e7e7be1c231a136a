package glossa.essays;

import glossa.errors.Reason;
import glossa.errors.Rejection;

/** An edit or a new text that breaks a rule; nothing was saved. */
public final class EditRejected extends Rejection {
    private static final long serialVersionUID = 1L;

    public EditRejected(Reason reason, String field, String message) {
        super(reason, field, message);
    }
}
