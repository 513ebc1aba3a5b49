package io.slipway.platform.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.platform.DockerAvailability;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium, with the browser and driver of the machine
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}) named explicitly so Selenium Manager
 * never looks for them on the network. Without them the calling test is skipped, unless
 * {@code SLIPWAY_REQUIRE_DOCKER=1} (CI): then it fails.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SLIPWAY_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("SLIPWAY_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Where screenshots go: {@code -Dslipway.screenshots=DIR}, or target/screenshots. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("slipway.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(String base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no headless Chromium: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)";
            if (DockerAvailability.required()) {
                fail(why + ", and " + DockerAvailability.REQUIRE + "=1 says the browser tests must run");
            }
            assumeTrue(false, why + "; skipping the browser tests");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // a laptop screen's page area, whatever the headless window's own decorations take
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        Browser browser = new Browser(driver, base);
        browser.signIn(io.slipway.platform.PlatformHarness.ADMIN, io.slipway.platform.PlatformHarness.ADMIN_PASSWORD);
        return browser;
    }

    /** Signs in through the sign-in form, as a person would. */
    void signIn(String username, String password) {
        signIn(driver, base, username, password);
    }

    /** Signs {@code driver} in at the platform at {@code base} through its sign-in form. */
    static void signIn(org.openqa.selenium.WebDriver driver, String base, String username, String password) {
        driver.get(base + "/login");
        driver.findElement(By.cssSelector("#username")).sendKeys(username);
        driver.findElement(By.cssSelector("#password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** Signs out with the top bar's button. */
    void signOut() {
        find(".sign-out button").click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/login"));
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    WebElement await(String css, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void awaitText(String css, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void awaitValue(String css, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> {
            String value = d.findElement(By.cssSelector(css)).getDomProperty("value");
            return value != null && value.contains(text);
        });
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String css, Path file) {
        find(css).sendKeys(file.toAbsolutePath().toString());
    }

    /** The visible page as a PNG named {@code name}.png in the screenshots folder. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
