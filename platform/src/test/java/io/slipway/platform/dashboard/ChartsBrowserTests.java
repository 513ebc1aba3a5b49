package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.PlatformHarness.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The charts fragment in a real headless Chromium, fed by real traffic through the router to iris on the
 * process backend, and a scale-up from a policy change. The fragment is rendered through the test-only page
 * {@code /test/charts/{app}} ({@link ChartsTestPage}). Saves docs/screenshots/charts.png and scaling.png.
 */
class ChartsBrowserTests {

    static final String APP = "charts-live";
    static final String INFER = MetricsApiTests.INFER;

    @TempDir
    Path dataDir;

    @Test
    void chartsDrawTheTrafficLatencyAndInstancesWithTheScalingEventMarked() throws Exception {
        ChromeDriver browser = ChartsBrowser.start();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "process", "--slipway.test.charts-page=true")) {
            try {
                Browser.signIn(browser, platform.url(""), PlatformHarness.ADMIN, PlatformHarness.ADMIN_PASSWORD);
                drawsCharts(platform, browser, sending);
            } finally {
                sending.set(false);
                platform.delete("/api/v1/apps/" + APP); // process instances outlive the platform
            }
        } finally {
            sending.set(false);
            browser.quit();
        }
    }

    private static void drawsCharts(PlatformHarness platform, ChromeDriver browser, AtomicBoolean sending)
            throws Exception {
        JsonNode deployment = platform.deploy(APP, PlatformHarness.repository().resolve("sample-apps/iris-onnx"));
        assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
        Thread traffic = new Thread(() -> {
            while (sending.get()) {
                platform.postJson("/apps/" + APP + "/v2/models/iris/infer", INFER);
                sleep(20);
            }
        }, "charts-traffic");
        traffic.setDaemon(true);
        traffic.start();
        Answer put = platform.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/apps/" + APP
                + "/scaling"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"minInstances\": 2}")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        waitForTwoReady(platform);

        browser.get(platform.url("/test/charts/" + APP));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.cssSelector("[data-charts]")).getAttribute("data-updated") != null);
        // the next refresh, after the traffic thread has filled a few more buckets
        String first = browser.findElement(By.cssSelector("[data-charts]")).getAttribute("data-updated");
        wait.until(d -> !first.equals(d.findElement(By.cssSelector("[data-charts]")).getAttribute("data-updated")));

        for (String kind : List.of("requests", "latency", "instances")) {
            WebElement chart = browser.findElement(By.cssSelector("[data-chart='" + kind + "']"));
            assertThat(chart.findElements(By.tagName("canvas"))).as(kind).isNotEmpty();
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            @SuppressWarnings("unchecked")
            Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                    var o = echarts.getInstanceByDom(arguments[0]).getOption();
                    var values = o.series[0].data.map(function (p) { return p[1]; });
                    return {points: values.length, max: Math.max.apply(null, values.filter(function (v) {
                        return v !== null; })), marks: o.series[0].markLine.data.length};
                    """, chart);
            assertThat(((Number) drawn.get("points")).intValue()).as(kind).isGreaterThan(1);
            assertThat(((Number) drawn.get("max")).doubleValue()).as(kind).isGreaterThan(0);
            assertThat(((Number) drawn.get("marks")).intValue()).as(kind).isGreaterThanOrEqualTo(1);
        }
        assertThat(summary(browser, "requests")).startsWith("Now (last 10 s): ").doesNotContain("Now (last 10 s): 0.00");
        assertThat(summary(browser, "latency")).matches("Last minute: p50 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms.*")
                .doesNotContain("p99 0.00");
        assertThat(summary(browser, "instances")).startsWith("Now: 2 ready of 2 desired.");
        assertThat(browser.findElement(By.cssSelector("[data-chart='latency']")).getAttribute("aria-label"))
                .startsWith("Latency p50 and p99 (ms): Last minute:");
        assertThat(browser.findElement(By.cssSelector("[data-events]")).getText()).contains("1 → 2: ");
        Path charts = ChartsBrowser.screenshot(browser, PlatformHarness.repository(), "charts.png");
        assertThat(Files.size(charts)).isGreaterThan(10_000);

        browser.get(platform.url("/dashboard/apps/" + APP + "/scaling"));
        assertThat(browser.findElement(By.id("scaling-events")).getText()).contains("1 → 2");
        assertThat(browser.findElement(By.id("minInstances")).getDomProperty("value")).isEqualTo("2");
        Path scaling = ChartsBrowser.screenshot(browser, PlatformHarness.repository(), "scaling.png");
        assertThat(Files.size(scaling)).isGreaterThan(10_000);
        sending.set(false);
        traffic.join(5000);
    }

    private static String summary(ChromeDriver browser, String kind) {
        return browser.findElement(By.cssSelector("[data-summary='" + kind + "']")).getText();
    }

    private static void waitForTwoReady(PlatformHarness platform) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = MetricsApiTests.JSON.readTree(platform.get("/api/v1/apps/" + APP + "/metrics").body());
            if (m.path("now").path("ready").asInt() == 2 && m.path("events").size() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no second ready instance within 90 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
