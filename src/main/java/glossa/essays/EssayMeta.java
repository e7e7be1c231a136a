package glossa.essays;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the corpus says about an essay besides its text. Only slug and title are required.
 *
 * @param date ISO date, year-month or year, as precise as the source is
 * @param titleNote an editor's note on the title, for essays whose source gives none
 */
public record EssayMeta(
        String slug,
        String title,
        String subtitle,
        String author,
        String date,
        String publication,
        String sourceUrl,
        String titleNote) {

    public EssayMeta {
        if (slug == null || slug.isBlank() || title == null || title.isBlank()) {
            throw new IllegalArgumentException("an essay needs a slug and a title");
        }
    }

    /** The date as readers write it: "5 September 2019", "October 2018", "2021"; empty when unknown. */
    public String displayDate() {
        if (date == null) {
            return "";
        }
        return switch (date.length()) {
            case 10 -> LocalDate.parse(date).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
            case 7 -> YearMonth.parse(date).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
            default -> date;
        };
    }
}
