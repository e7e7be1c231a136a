package glossa.reading;

import glossa.annotations.AnnotationRepository;
import glossa.annotations.AnnotationService;
import glossa.annotations.EssayPage;
import glossa.annotations.MarginExtras;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** The reading page's URL, {@code /essays/{slug}} (and its {@code .txt} twin, served by the essays feature). */
public final class ReadingRoutes {

    private final EssayReader reader;

    /** {@code plainText} answers {@code /essays/{slug}.txt}, which shares the route's path pattern. */
    public ReadingRoutes(AnnotationService notesService, AnnotationRepository notes, EssayPage essayPage, MarginExtras extras,
                         Handler plainText) {
        reader = new EssayReader(notesService, notes, essayPage, extras, plainText);
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/essays/{slug}", reader::essay);
    }
}
