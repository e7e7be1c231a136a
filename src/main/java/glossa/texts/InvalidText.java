package glossa.texts;

import glossa.web.Rejection;

/** A new text or upload that cannot be used; {@code field} names the form field. Nothing was saved. */
final class InvalidText extends Rejection {
    private static final long serialVersionUID = 1L;

    InvalidText(String field, String message) {
        super(422, field, message);
    }
}
