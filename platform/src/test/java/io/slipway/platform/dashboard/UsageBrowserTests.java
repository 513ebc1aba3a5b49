package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage page in headless Chromium against a real platform: a running app's metered time and
 * cost in the table and the chart, the CSV export, and a wrong period shown beside its field.
 */
class UsageBrowserTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path bundle;

    PlatformHarness platform;
    Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.deleteAllApps();
            platform.close();
        }
    }

    @Test
    void usagePageShowsMeteredTimeAndCostWithAChartAndACsvExport() throws Exception {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.billing.sync-interval=1s");
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: metered-ui
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.5, memory: 512Mi }
                """);
        assertThat(platform.deploy("metered-ui", bundle).path("status").asText()).isEqualTo("live");
        Thread.sleep(3000);
        browser = Browser.open(platform.url(""));

        browser.go("/dashboard/usage");
        browser.await("#usage tr[data-key='metered-ui']", Duration.ofSeconds(20));
        double instanceHours = Double.parseDouble(browser.text("#usage tr[data-key='metered-ui'] td:nth-child(2)"));
        double cpuHours = Double.parseDouble(browser.text("#usage tr[data-key='metered-ui'] td:nth-child(3)"));
        assertThat(instanceHours).isGreaterThan(0);
        assertThat(cpuHours).isCloseTo(instanceHours / 2, org.assertj.core.data.Offset.offset(0.002));
        assertThat(browser.text("#total")).startsWith("Total");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> "1".equals(d.findElement(org.openqa.selenium.By.id("usage-chart")).getDomAttribute("data-drawn")));
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#usage-chart canvas"))).isNotEmpty();
        browser.screenshot("usage");

        String csvLink = browser.find("#csv").getDomAttribute("href");
        PlatformHarness.Answer csv = platform.get(csvLink);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("app,from,to,").contains("\r\nmetered-ui,");

        browser.type("#from", "last tuesday");
        browser.find("#period button[type=submit]").click();
        browser.await("#from-error", Duration.ofSeconds(10));
        assertThat(browser.text("#from-error")).contains("from must be an instant");
        assertThat(browser.find("#from").getDomProperty("value")).isEqualTo("last tuesday");
        assertThat(browser.find("#from").getDomAttribute("aria-invalid")).isEqualTo("true");
    }
}
