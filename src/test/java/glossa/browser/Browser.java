package glossa.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium. Browser and driver paths are fixed so
 * that nothing ever tries to download a browser. Also what every browser test does the same way:
 * fields found by their visible label, buttons by their text, signing up and in through the forms.
 */
public final class Browser {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The password browser tests sign up with: long enough for the account rules. */
    public static final String PASSWORD = "a long enough password";
    /** How long a wait for something on the page lasts before the test fails. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Browser() {}

    public static ChromeDriver open(int width, int height) {
        return open(width, height, true);
    }

    /** A browser with JavaScript on or off (off: to prove pages work without it). */
    public static ChromeDriver open(int width, int height, boolean javascript) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile,
                    "--lang=en-GB");
            if (!javascript) {
                options.setExperimentalOption(
                        "prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the page a phone's: a 390 x 844 viewport (a headless window cannot be narrower than 500 px)
     * with touch input, so that {@code (pointer: coarse)} holds and touch events exist.
     */
    public static void phone(ChromeDriver driver) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand(
                "Emulation.setTouchEmulationEnabled", java.util.Map.of("enabled", true, "maxTouchPoints", 5));
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public static void clickAndWait(WebDriver driver, WebElement element) {
        element.click();
        // Chromium reports a node of the old page as stale or as "not in the document": both mean it is gone.
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** Waits until an element matching {@code css} is on the page and returns it. */
    public static WebElement waitFor(WebDriver driver, String css) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(css)));
    }

    /** Waits until {@code condition} holds. */
    public static void until(WebDriver driver, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).until(condition);
    }

    /** The form field whose visible label reads {@code label}. */
    public static WebElement labelled(WebDriver driver, String label) {
        String id = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"))
                .getAttribute("for");
        return driver.findElement(By.id(id));
    }

    /** Replaces what the field labelled {@code label} holds with {@code value}. */
    public static void fill(WebDriver driver, String label, String value) {
        WebElement field = labelled(driver, label);
        field.clear();
        field.sendKeys(value);
    }

    /** Presses the button reading {@code text} and waits until the page it loads has replaced this one. */
    public static void press(WebDriver driver, String text) {
        clickAndWait(driver, driver.findElement(By.xpath("//button[normalize-space()='" + text + "']")));
    }

    /**
     * Makes the account {@code name} (password {@link #PASSWORD}) through the sign-up form, by its labels,
     * and waits until the header names them. A browser signed in as someone else forgets them first.
     */
    public static void signUp(WebDriver driver, String baseUrl, String name) {
        driver.get(baseUrl + "/signup");
        if (!driver.manage().getCookies().isEmpty()) {
            driver.manage().deleteAllCookies();
            driver.get(baseUrl + "/signup");
        }
        fill(driver, "Username", name);
        fill(driver, "Password", PASSWORD);
        press(driver, "Create account");
        waitFor(driver, ".account-name");
    }

    /** Signs in through the form, by its labels, and waits until the header names the account. */
    public static void signIn(WebDriver driver, String baseUrl, String name, String password) {
        driver.get(baseUrl + "/signin");
        fill(driver, "Username", name);
        fill(driver, "Password", password);
        press(driver, "Sign in");
        waitFor(driver, ".account-name");
    }

    /** Saves a screenshot under target/screenshots and returns its path. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot under target/screenshots, copied to docs/screenshots where the README shows it. */
    public static void screenshotForDocs(ChromeDriver driver, String name) {
        try {
            Path docs = Path.of("docs", "screenshots");
            Files.createDirectories(docs);
            Files.copy(screenshot(driver, name), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
