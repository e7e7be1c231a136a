package glossa.web;

/** Thrown to send the browser elsewhere (303 See Other), e.g. to the sign-in page. */
public final class SeeOther extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public SeeOther(String location) {
        super(null, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
