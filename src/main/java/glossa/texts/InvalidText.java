package glossa.texts;

import glossa.errors.Reason;
import glossa.errors.Rejection;

/** A new text or upload that cannot be used; {@code field} names the form field. Nothing was saved. */
final class InvalidText extends Rejection {
    private static final long serialVersionUID = 1L;

    InvalidText(String field, String message) {
        super(Reason.INVALID, field, message);
    }
}
