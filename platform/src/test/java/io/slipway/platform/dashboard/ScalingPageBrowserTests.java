package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The scaling page in a real headless Chromium against the real platform: errors beside fields, saves through the API's service. */
class ScalingPageBrowserTests {

    static final String APP = "charts-scaling";

    @TempDir
    static Path dataDir;

    static PlatformHarness platform;

    ChromeDriver browser;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformHarness.start(dataDir, "process");
        assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"" + APP + "\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stopPlatform() {
        platform.deleteAllApps();
        platform.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = ChartsBrowser.start();
        Browser.signIn(browser, platform.url(""), PlatformHarness.ADMIN, PlatformHarness.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        platform.delete("/api/v1/apps/" + APP + "/scaling");
    }

    @Test
    void anInvalidValueIsShownNextToItsFieldAndNothingTypedIsLost() {
        browser.get(platform.url("/dashboard/apps/" + APP + "/scaling"));
        type("maxInstances", "7");
        type("scaleToZeroAfter", "soon");
        type("targetConcurrency", "lots");
        submit(By.id("add-row"));
        type("schedule-0-cron", "0 0 8 * * MON-FRI");
        type("schedule-0-minInstances", "3");
        type("schedule-0-duration", "10h");
        submit(By.id("save"));

        WebElement idleField = browser.findElement(By.id("scaleToZeroAfter")).findElement(By.xpath(".."));
        assertThat(idleField.findElement(By.className("field-error")).getText())
                .contains("scaleToZeroAfter must be a duration such as 300s, 10m or 1h, got 'soon'");
        assertThat(browser.findElement(By.id("scaleToZeroAfter")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("targetConcurrency-error")).getText())
                .contains("targetConcurrency must be a whole number");
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("Nothing was saved");
        assertThat(value("maxInstances")).isEqualTo("7");
        assertThat(value("scaleToZeroAfter")).isEqualTo("soon");
        assertThat(value("targetConcurrency")).isEqualTo("lots");
        assertThat(value("schedule-0-cron")).isEqualTo("0 0 8 * * MON-FRI");
        assertThat(value("schedule-0-minInstances")).isEqualTo("3");
        assertThat(value("schedule-0-duration")).isEqualTo("10h");
        assertThat(browser.findElements(By.id("maxInstances-error"))).isEmpty();
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"maxInstances\":5",
                "\"overridden\":[]");
    }

    @Test
    void aRuleAcrossFieldsIsShownOnTheFieldItNames() {
        browser.get(platform.url("/dashboard/apps/" + APP + "/scaling"));
        type("minInstances", "6");
        type("maxInstances", "3");
        submit(By.id("save"));

        assertThat(browser.findElement(By.id("maxInstances-error")).getText())
                .isEqualTo("maxInstances must be >= minInstances (6), got 3");
        assertThat(value("minInstances")).isEqualTo("6");
        assertThat(value("maxInstances")).isEqualTo("3");
    }

    @Test
    void aValidChangeIsAppliedWithoutARedeployAndResetRestoresTheManifest() {
        browser.get(platform.url("/dashboard/apps/" + APP + "/scaling"));
        type("maxInstances", "8");
        type("scaleToZeroAfter", "10m");
        browser.findElement(By.id("predictive")).click();
        submit(By.id("add-row"));
        type("schedule-0-cron", "0 0 8 * * MON-FRI");
        type("schedule-0-minInstances", "3");
        type("schedule-0-duration", "10h");
        submit(By.id("save"));

        assertThat(browser.findElement(By.id("scaling-done")).getText()).startsWith("Saved.");
        assertThat(value("maxInstances")).isEqualTo("8");
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"maxInstances\":8",
                "\"scaleToZeroAfter\":\"10m\"", "\"predictive\":true",
                "{\"cron\":\"0 0 8 * * MON-FRI\",\"minInstances\":3,\"duration\":\"10h\"}",
                "\"overridden\":[\"maxInstances\",\"scaleToZeroAfter\",\"predictive\",\"schedule\"]");

        submit(By.cssSelector("button[value='remove-row-0']"));
        assertThat(browser.findElements(By.id("schedule-0-cron"))).isEmpty();
        submit(By.id("save"));
        assertThat(browser.findElement(By.id("scaling-done")).getText()).startsWith("Saved.");
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"schedule\":[]");

        submit(By.id("reset"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("scaling-done")).getText().startsWith("Reset"));
        assertThat(value("maxInstances")).isEqualTo("5");
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"maxInstances\":5",
                "\"overridden\":[]");
    }

    @Test
    void tuningAndTheCpuRuleAreEditableAndCheckedLikeTheRest() {
        browser.get(platform.url("/dashboard/apps/" + APP + "/scaling"));
        type("stableWindow", "2m");
        type("panicWindow", "10m");
        type("cpuScaleUpAbove", "70");
        submit(By.id("save"));

        assertThat(browser.findElement(By.id("panicWindow-error")).getText()).startsWith("panicWindow must be <= stableWindow");
        assertThat(value("stableWindow")).isEqualTo("2m");
        assertThat(value("cpuScaleUpAbove")).isEqualTo("70");

        type("panicWindow", "10s");
        type("maxScaleDownRate", "1.5");
        submit(By.id("save"));

        assertThat(browser.findElement(By.id("scaling-done")).getText()).startsWith("Saved.");
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"stableWindow\":\"2m\"",
                "\"panicWindow\":\"10s\"", "\"maxScaleDownRate\":1.5",
                "\"cpu\":{\"scaleUpAbove\":70,\"scaleDownBelow\":20,\"window\":\"10m\"}",
                "\"overridden\":[\"stableWindow\",\"panicWindow\",\"maxScaleDownRate\",\"cpu\"]");
        assertThat(value("cpuWindow")).isEqualTo("10m");
    }

    @Test
    void theApiOverridesTuningAndNamesTheFieldOfABrokenRule() {
        PlatformHarness.Answer ok = put("{\"stableWindow\": \"90s\", \"scaleDownDelay\": \"30s\", "
                + "\"cpu\": {\"scaleUpAbove\": 75, \"window\": \"1m\"}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("\"stableWindow\":\"90s\"", "\"scaleDownDelay\":\"30s\"",
                "\"cpu\":{\"scaleUpAbove\":75,\"scaleDownBelow\":20,\"window\":\"1m\"}");

        PlatformHarness.Answer tooLong = put("{\"stableWindow\": \"10m\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("scaling.stableWindow must be at most 5m");
        PlatformHarness.Answer rate = put("{\"maxScaleDownRate\": 1.0}");
        assertThat(rate.body()).contains("scaling.maxScaleDownRate must be > 1");
        PlatformHarness.Answer cpu = put("{\"cpu\": {\"scaleDownBelow\": 90}}");
        assertThat(cpu.body()).contains("scaling.cpu.scaleDownBelow must be < scaleUpAbove (75), got 90");

        PlatformHarness.Answer off = put("{\"cpu\": {\"enabled\": false}}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.body()).contains("\"cpu\":null").contains("\"cpu\"]");
        assertThat(platform.get("/api/v1/apps/" + APP + "/scaling").body()).contains("\"cpu\":null");
        PlatformHarness.Answer on = put("{\"cpu\": {\"enabled\": true}}");
        assertThat(on.body()).as("switched on again with the thresholds set before")
                .contains("\"cpu\":{\"scaleUpAbove\":75,\"scaleDownBelow\":20,\"window\":\"1m\"}");
    }

    @Test
    void anUnknownAppIsNotFound() {
        assertThat(platform.get("/dashboard/apps/charts-nope/scaling").status()).isEqualTo(404);
    }

    private static PlatformHarness.Answer put(String json) {
        return platform.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.url("/api/v1/apps/"
                + APP + "/scaling"))).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Clicks a submit button and waits for the next page. */
    private void submit(By button) {
        WebElement html = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }
}
