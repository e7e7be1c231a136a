package glossa.accounts;

/** User input that breaks a rule; {@code field} names the form field it belongs to. */
public final class InvalidInput extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
