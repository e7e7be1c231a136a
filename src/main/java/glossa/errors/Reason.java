package glossa.errors;

/** Why a {@link Rejection} refused a request, in the domain's words rather than HTTP's. */
public enum Reason {
    /** What the request names does not exist (or is hidden from this reader). */
    NOT_FOUND,
    /** The requester may not do this. */
    FORBIDDEN,
    /** The request clashes with what is stored (a taken name, a note still linked). */
    CONFLICT,
    /** The request was based on a version that someone has since changed. */
    STALE,
    /** The request must say which version it was based on, and did not. */
    VERSION_REQUIRED,
    /** Well-formed input that breaks a rule; {@link Rejection#field()} names the field. */
    INVALID,
    /** Input that cannot even be read (not a number, not the expected shape). */
    MALFORMED,
    /** Input over a size limit. */
    TOO_LARGE
}
