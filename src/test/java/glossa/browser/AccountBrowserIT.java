package glossa.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glossa.TestApp;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The account happy path, in a real browser, by visible labels. */
class AccountBrowserIT {

    private static TestApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        app = TestApp.start(Path.of("target", "no-corpus"), Clock.systemUTC());
        browser = Browser.open(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
    }

    private void fill(String label, String value) {
        Browser.fill(browser, label, value);
    }

    private void press(String text) {
        Browser.press(browser, text);
    }

    @Test
    void signUpSignOutAndSignInAgain() {
        browser.get(app.baseUrl() + "/");
        Browser.clickAndWait(browser, browser.findElement(By.linkText("Sign up")));
        fill("Username", "Clara");
        fill("Password", "short");
        press("Create account");
        assertTrue(browser.findElement(By.cssSelector(".has-error .error"))
                .getText()
                .contains("at least 10 characters"));
        fill("Password", "a long enough password");
        press("Create account");
        assertEquals("Clara", browser.findElement(By.cssSelector("main h1")).getText());
        Browser.screenshot(browser, "profile");

        press("Sign out");
        assertTrue(browser.findElement(By.linkText("Sign in")).isDisplayed());

        Browser.clickAndWait(browser, browser.findElement(By.linkText("Sign in")));
        fill("Username", "clara");
        fill("Password", "the wrong password");
        press("Sign in");
        assertEquals(
                "Wrong username or password.",
                browser.findElement(By.cssSelector(".form-error")).getText());
        fill("Username", "clara");
        fill("Password", "a long enough password");
        press("Sign in");
        assertEquals(
                "Clara", browser.findElement(By.cssSelector(".account-name")).getText());
    }
}
