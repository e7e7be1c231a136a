package glossa.annotations;

import glossa.TestApp;

/** Lets tests of other packages make a moderator. */
public final class TokensCliAccess {
    private TokensCliAccess() {
    }

    public static void addModerator(TestApp app, String name) throws Exception {
        TokensCli.addModerator(app, name);
    }
}
