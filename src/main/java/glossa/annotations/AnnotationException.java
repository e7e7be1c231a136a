package glossa.annotations;

import glossa.anchoring.TextPositionSelector;
import glossa.errors.Reason;
import java.util.List;

/**
 * A request about a note that cannot be done as asked, with the {@link glossa.errors.Reason} why
 * and {@code field} the form field at fault, if any. Nothing has changed.
 */
public class AnnotationException extends glossa.errors.Rejection {
    private static final long serialVersionUID = 1L;

    public AnnotationException(Reason reason, String field, String message) {
        super(reason, field, message);
    }

    /** The typed words occur more than once: the reader must say which. */
    public static final class Ambiguous extends AnnotationException {
        private static final long serialVersionUID = 1L;
        private final transient List<TextPositionSelector> occurrences;

        Ambiguous(List<TextPositionSelector> occurrences) {
            super(
                    Reason.INVALID,
                    "exact",
                    "Those words occur " + occurrences.size() + " times in the essay. Choose which one you mean.");
            this.occurrences = List.copyOf(occurrences);
        }

        public List<TextPositionSelector> occurrences() {
            return occurrences;
        }
    }
}
