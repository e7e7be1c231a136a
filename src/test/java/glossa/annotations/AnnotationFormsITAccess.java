package glossa.annotations;

/** The small test essay of {@link AnnotationFormsIT}, for tests in other packages. */
public final class AnnotationFormsITAccess {

    private AnnotationFormsITAccess() {}

    public static String essay() {
        return AnnotationFormsIT.essay(AnnotationFormsIT.TEXT);
    }

    public static String slug() {
        return AnnotationFormsIT.SLUG;
    }
}
