package io.slipway.platform.dashboard;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.slipway.platform.DockerAvailability;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}), both paths
 * given so Selenium Manager never looks for a browser on the network. Without them the calling test is
 * skipped, unless {@code SLIPWAY_REQUIRE_DOCKER=1} (CI): then it fails.
 */
final class ChartsBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChartsBrowser() {
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "No headless Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " must both be installed (apt-get install chromium chromium-driver)";
            if ("1".equals(System.getenv(DockerAvailability.REQUIRE))) {
                fail(why + ", and " + DockerAvailability.REQUIRE + "=1 says the browser tests must run.");
            }
            assumeTrue(false, why + "; skipping (set " + DockerAvailability.REQUIRE + "=1 to make this a failure)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return driver;
    }

    /** Saves a full-page PNG of what the browser shows under {@code docs/screenshots/}. */
    static Path screenshot(ChromeDriver driver, Path repository, String name) {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        // a headless window does not grow past the screen: make the viewport as tall as the page instead
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 1280, "height",
                Math.min(4000, Math.max(600, height.intValue())), "deviceScaleFactor", 1, "mobile", false));
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        Path target = repository.resolve("docs/screenshots").resolve(name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
