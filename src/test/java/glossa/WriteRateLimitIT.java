package glossa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.annotations.AnnotationFormsITAccess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One account cannot write faster than the configured limit; admins can; a refused write saves nothing. */
class WriteRateLimitIT {

    private static final int LIMIT = 3;
    private Path corpus;
    private TestApp app;

    @BeforeEach
    void start() throws IOException {
        corpus = Files.createTempDirectory("corpus");
        Files.writeString(corpus.resolve("essay.md"), AnnotationFormsITAccess.essay());
        app = TestApp.withWriteLimit(corpus, LIMIT);
    }

    @AfterEach
    void stop() {
        app.close();
        TestApp.deleteRecursively(corpus);
    }

    @Test
    void theWriteAfterTheLimitIsRefusedWithRetryAfterAndSavesNothing() throws Exception {
        WebClient anna = app.client();
        anna.signUp("Anna", "correct horse battery");
        int saved = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < LIMIT + 2; i++) {
            last = note(anna, "note " + i);
            if (last.statusCode() == 303) {
                saved++;
            } else {
                break;
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(last.headers().firstValue("Retry-After").isPresent(), "says when to try again");
        assertTrue(last.body().contains("nothing was saved"), last.body());
        assertTrue(saved < LIMIT + 2, "the limit held");
        assertEquals(saved, notesIn(), "the refused note is not in the database");
    }

    @Test
    void adminsAreNotLimited() throws Exception {
        WebClient root = app.client();
        root.signUp("Root", "correct horse battery");
        try (Connection c = DriverManager.getConnection(app.dbUrl())) {
            c.createStatement().executeUpdate("UPDATE app_user SET role = 'ADMIN' WHERE username = 'Root'");
        }
        for (int i = 0; i < LIMIT * 3; i++) {
            assertEquals(303, note(root, "admin note " + i).statusCode());
        }
    }

    private HttpResponse<String> note(WebClient who, String body) {
        String essay = "/essays/" + AnnotationFormsITAccess.slug();
        return who.submit(
                essay, essay + "/annotations", Map.of("exact", "banned abortion", "body", body, "kind", "comment"));
    }

    private int notesIn() throws Exception {
        try (Connection c = DriverManager.getConnection(app.dbUrl());
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM annotation")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
