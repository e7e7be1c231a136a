package glossa.annotations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import glossa.TestApp;
import glossa.WebClient;

/** Lets tests of other packages make a moderator. */
public final class TokensCliAccess {
    private TokensCliAccess() {}

    public static void addModerator(TestApp app, String name) throws Exception {
        TokensCli.addModerator(app, name);
    }

    /** A client signed in as a new moderator {@code name}. */
    public static WebClient moderator(TestApp app, String name) throws Exception {
        TokensCli.addModerator(app, name);
        WebClient mod = app.client();
        assertEquals(303, mod.signIn(name, TokensCli.PASSWORD).statusCode(), "the moderator signs in");
        return mod;
    }
}
