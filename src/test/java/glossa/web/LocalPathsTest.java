package glossa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalPathsTest {

    @Test
    void anythingThatCouldLeaveTheSiteFallsBackToTheHomePage() {
        List<String> refused = List.of(
                "//evil.example",
                "/\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                "/%09/evil.example",
                "%2F%2Fevil.example",
                "/%2F/evil.example",
                "/%2f%2fevil.example",
                "/%5Cevil.example",
                "/%255C/evil.example",
                "https:evil.example",
                "https://evil.example/",
                "evil.example",
                "javascript:alert(1)",
                " /x",
                "\\\\evil.example",
                "/x\\y",
                "/x\u0000y",
                "/x%00y",
                "/x%E2%80%8",
                "/" + "a".repeat(LocalPaths.MAX_NEXT),
                "",
                "/signin",
                "/signup?next=/x");
        for (String next : refused) {
            assertEquals("/", LocalPaths.safeNext(next), next);
        }
        assertEquals("/", LocalPaths.safeNext(null));
    }

    @Test
    void localPathsAreKeptWithTheirQueryAndFragment() {
        for (String next : List.of(
                "/",
                "/essays/x?y=1#p3",
                "/annotations/12",
                "/claims/the-1917-revolution/edit",
                "/essays/a%2Fb",
                "/search?q=a+b",
                "/users/Tom%C3%A1%C5%A1")) {
            assertEquals(next, LocalPaths.safeNext(next), next);
        }
    }

    @Test
    void whatALocationHeaderCannotCarryIsPercentEncoded() {
        assertEquals("/users/Tom%C3%A1%C5%A1", LocalPaths.safeNext("/users/Tomáš"));
        assertEquals("/essays/x?q=a%20b", LocalPaths.safeNext("/essays/x?q=a b"));
    }

    @Test
    void aNameBecomesOnePathSegment() {
        assertEquals("Tom%C3%A1%202", LocalPaths.segment("Tomá 2"));
        assertEquals("a%2Fb%3F%23", LocalPaths.segment("a/b?#"));
        assertEquals("Anna_1.x-y", LocalPaths.segment("Anna_1.x-y"));
    }
}
