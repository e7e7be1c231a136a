package glossa.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way the site writes a moment: every page (as {@code dates} in templates) and the few
 * places that write dates in Java use these formats, always in UTC and in English.
 */
public final class Dates {

    /** A day, short: "5 Sep 2019". For lists and note cards. */
    public static final DateTimeFormatter DAY = pattern("d MMM yyyy");
    /** A day, in full: "5 September 2019". For a text's own dates. */
    public static final DateTimeFormatter LONG_DAY = pattern("d MMMM yyyy");
    /** A moment to the minute: "5 Sep 2019, 14:03". For histories, changes and notes. */
    public static final DateTimeFormatter TIME = pattern("d MMM yyyy, HH:mm");
    /** A moment to the second, sortable: "2019-09-05 14:03:27". For the audit log. */
    public static final DateTimeFormatter EXACT = pattern("yyyy-MM-dd HH:mm:ss");

    /** The instance templates see as {@code dates}. */
    static final Dates TEMPLATES = new Dates();

    private Dates() {}

    private static DateTimeFormatter pattern(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    public String longDay(Instant at) {
        return at == null ? "" : LONG_DAY.format(at);
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String exact(Instant at) {
        return at == null ? "" : EXACT.format(at);
    }
}
