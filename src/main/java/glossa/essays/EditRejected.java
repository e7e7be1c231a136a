package glossa.essays;

import glossa.web.Rejection;

/** An edit or a new text that breaks a rule; nothing was saved. */
public final class EditRejected extends Rejection {
    private static final long serialVersionUID = 1L;

    public EditRejected(int status, String field, String message) {
        super(status, field, message);
    }
}
