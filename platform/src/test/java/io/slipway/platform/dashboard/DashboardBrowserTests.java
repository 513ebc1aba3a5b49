package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard end to end: the real platform (process backend) and a real headless Chromium
 * that fills the forms, follows build logs, calls the model and rolls back, as a user would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests {

    private static final Duration DEPLOY = Duration.ofMinutes(4);

    @TempDir
    static Path temp;

    private static PlatformHarness platform;
    private Browser browser;

    @BeforeAll
    static void start() {
        // a short async timeout: the pages must follow build logs across the server closing the stream
        platform = PlatformHarness.start(temp.resolve("data"), "process", "--spring.mvc.async.request-timeout=2s");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.deleteAllApps();
            platform.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() {
        browser = Browser.open(platform.url(""));
        return browser;
    }

    @Test
    @Order(1)
    void uploadedBundleGoesLiveAnswersTryItAndRollsBackWithTheButton() throws IOException {
        Browser b = browser();
        b.go("/");
        assertThat(b.text("main")).contains("No apps yet");

        Path iris = PlatformHarness.repository().resolve("sample-apps/iris-onnx");
        deployBundle(b, "web-iris", bundle(iris, "iris-v1.tar.gz"));
        assertThat(b.text("#build-log")).contains("building release v1").contains("release v1 of 'web-iris' is live");
        b.screenshot("deploy-log");

        b.find("#open-app").click();
        b.awaitText("#current-release", "v1", Duration.ofSeconds(10));
        assertThat(b.text("#path-url")).endsWith("/apps/web-iris/");
        assertThat(b.text("#host-url")).startsWith("http://web-iris.localhost:");
        // the iris manifest declares no inputs: the page asks the model for them
        b.awaitValue("#try-body", "\"name\": \"input\"", Duration.ofSeconds(30));
        assertThat(b.text("#curl-example")).contains("curl -s " + platform.url("").replace("127.0.0.1", "127.0.0.1"))
                .contains("/apps/web-iris/v2/models/iris/infer").contains("\"shape\":[1,4]");
        WebElement body = b.find("#try-body");
        body.clear();
        body.sendKeys("{\"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", \"shape\": [1, 4], "
                + "\"data\": [6.3, 3.3, 6.0, 2.5]}]}");
        b.find("#try-send").click();
        b.awaitText("#try-status", "HTTP 200", Duration.ofSeconds(30));
        assertThat(b.text("#try-response")).contains("\"outputs\"");
        b.find("#copy-curl").click();
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(5))
                .until(d -> !b.text("#copy-feedback").isEmpty());
        b.screenshot("app");

        // a wrong request shows the model's error, not a blank
        body = b.find("#try-body");
        body.clear();
        body.sendKeys("{\"inputs\": [{\"name\": \"nope\", \"datatype\": \"FP32\", \"shape\": [1, 4], \"data\": [1, 2, 3, 4]}]}");
        b.find("#try-send").click();
        b.awaitText("#try-status", "HTTP 400", Duration.ofSeconds(30));
        assertThat(b.text("#try-response")).contains("error");

        Path changed = Files.createDirectories(temp.resolve("iris-v2"));
        copyTree(iris, changed);
        Files.writeString(changed.resolve("slipway.yaml"),
                Files.readString(changed.resolve("slipway.yaml")).replace("maxInstances: 3", "maxInstances: 2"));
        b.go("/dashboard/apps/web-iris");
        b.find("a[href='/deploy?app=web-iris']").click();
        assertThat(b.find("#bundle-appName").getAttribute("value")).isEqualTo("web-iris");
        b.choose("#bundle-bundle", bundle(changed, "iris-v2.tar.gz"));
        b.find("#bundle-form button[type=submit]").click();
        b.awaitText("#deployment-status", "live", DEPLOY);
        b.find("#open-app").click();
        b.awaitText("#current-release", "v2", Duration.ofSeconds(10));

        b.find("tr[data-release='1'] button").click();
        b.awaitText("#deployment-status", "live", DEPLOY);
        assertThat(b.text("#build-log")).contains("rolling app 'web-iris' back to release v1");
        b.find("#open-app").click();
        b.awaitText("#current-release", "v3", Duration.ofSeconds(10));
        assertThat(b.text("tr[data-release='3']")).contains("rollback to v1").contains("current");
        assertThat(b.driver.findElements(By.cssSelector("tr[data-release='3'] button"))).isEmpty();

        b.find("#instances a").click();
        b.await("#instance-log", Duration.ofSeconds(10));
        assertThat(b.driver.getTitle()).startsWith("Logs of web-iris-v3");

        b.go("/");
        assertThat(b.text("tr[data-app='web-iris']")).contains("running").contains("v3").contains("1/1");
    }

    @Test
    @Order(2)
    void modelFileFormWritesTheManifestAndDeploys() {
        Browser b = browser();
        b.go("/deploy");
        Path model = PlatformHarness.repository().resolve("sample-apps/iris-onnx/model");
        b.type("#model-appName", "web-flowers");
        b.choose("#model-model", model.resolve("iris.onnx"));
        b.type("#model-modelName", "flowers");
        b.type("#model-inputName", "input");
        b.type("#model-inputShape", "-1, 4");
        b.choose("#model-labels", model.resolve("labels.txt"));
        b.type("#model-maxInstances", "2");
        b.find("#model-form button[type=submit]").click();
        b.awaitText("#deployment-status", "live", DEPLOY);
        b.find("#open-app").click();
        b.awaitText("#current-release", "v1", Duration.ofSeconds(10));
        // the written manifest declares the input: the sample comes from it, and the labels apply
        assertThat(b.find("#try-body").getAttribute("value")).contains("\"shape\" : [ 1, 4 ]");
        b.find("#try-send").click();
        b.awaitText("#try-status", "HTTP 200", Duration.ofSeconds(30));
        assertThat(b.text("#try-response")).contains("\"outputs\"");
        assertThat(b.text("#curl-example")).contains("/apps/web-flowers/v2/models/flowers/infer");
        b.go("/");
        assertThat(b.text("tr[data-app='web-flowers']")).contains("running").contains("v1");
        b.screenshot("apps");
    }

    @Test
    @Order(3)
    void rejectedFormsShowEachProblemNextToItsFieldAndKeepTheValues() throws IOException {
        Browser b = browser();
        b.go("/deploy");
        b.type("#model-appName", "Not A Name");
        b.type("#model-inputName", "pixels");
        b.type("#model-inputShape", "one, two");
        b.type("#model-minInstances", "2");
        b.type("#model-maxInstances", "lots");
        b.find("#model-form button[type=submit]").click();
        b.await("#error-summary", Duration.ofSeconds(10));
        assertThat(b.text("#model-appName-error")).contains("lowercase letters");
        assertThat(b.text("#model-model-error")).contains("choose the model file");
        assertThat(b.text("#model-inputShape-error")).contains("whole numbers");
        assertThat(b.text("#model-maxInstances-error")).contains("whole number");
        assertThat(b.find("#model-appName").getAttribute("value")).isEqualTo("Not A Name");
        assertThat(b.find("#model-inputName").getAttribute("value")).isEqualTo("pixels");
        assertThat(b.find("#model-inputShape").getAttribute("value")).isEqualTo("one, two");
        assertThat(b.find("#model-minInstances").getAttribute("value")).isEqualTo("2");
        assertThat(b.find("#model-appName").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.text("#error-summary")).contains("choose the file").contains("Max instances: enter a whole number");
        assertThat(b.driver.findElements(By.id("model-modelName-error"))).isEmpty();
        b.screenshot("deploy-errors");

        // manifest problems of an uploaded bundle, each with its field path
        Path broken = Files.createDirectories(temp.resolve("broken"));
        copyTree(PlatformHarness.repository().resolve("sample-apps/iris-onnx"), broken);
        Files.writeString(broken.resolve("slipway.yaml"), Files.readString(broken.resolve("slipway.yaml"))
                .replace("maxInstances: 3", "maxInstances: 0").replace("format: onnx", "format: tensorflow"));
        b.go("/deploy");
        b.type("#bundle-appName", "web-broken");
        b.choose("#bundle-bundle", bundle(broken, "broken.tar.gz"));
        b.find("#bundle-form button[type=submit]").click();
        b.await("#bundle-bundle-error", Duration.ofSeconds(10));
        assertThat(b.text("#bundle-bundle-error")).contains("model.format").contains("scaling.maxInstances");
        assertThat(b.find("#bundle-appName").getAttribute("value")).isEqualTo("web-broken");

        // a file that is no archive
        b.choose("#bundle-bundle", PlatformHarness.repository().resolve("sample-apps/iris-onnx/model/labels.txt"));
        b.find("#bundle-form button[type=submit]").click();
        b.awaitText("#bundle-bundle-error", "is not a bundle archive", Duration.ofSeconds(10));
        assertThat(platform.get("/api/v1/apps/web-broken").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void failedDeploymentShowsWhyOnItsPageAndOnTheAppsList() throws IOException {
        Path crashing = Files.createDirectories(temp.resolve("crashing"));
        // the instance's JVM refuses to start: the rollout fails, with the reason
        Files.writeString(crashing.resolve("slipway.yaml"), """
                name: web-crash
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                  echo: { delayMs: 0 }
                env: { JAVA_TOOL_OPTIONS: "-XX:+NoSuchSlipwayOption" }
                """);
        Browser b = browser();
        b.go("/deploy");
        b.type("#bundle-appName", "web-crash");
        b.choose("#bundle-bundle", bundle(crashing, "crashing.tar.gz"));
        b.find("#bundle-form button[type=submit]").click();
        b.awaitText("#deployment-status", "failed", DEPLOY);
        b.await("#deployment-result .alert-error", Duration.ofSeconds(10));
        assertThat(b.text("#deployment-result .reason")).contains("exited at start").contains("Unrecognized VM option");
        assertThat(b.text("#build-log")).contains("deployment failed");
        b.go("/");
        assertThat(b.text("tr[data-app='web-crash']")).contains("failed");
    }

    @Test
    @Order(5)
    void pagesAnswerErrorsAsHtmlWhileTheApiKeepsProblemDetails() {
        PlatformHarness.Answer page = platform.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.url("/dashboard/apps/ghost"))).header("Accept", "text/html").GET());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("app &#39;ghost&#39; does not exist").contains("Back to the apps");

        PlatformHarness.Answer api = platform.get("/api/v1/apps/ghost");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"detail\"");

        PlatformHarness.Answer rollback = platform.post("/dashboard/apps/ghost/releases/1/rollback",
                "application/x-www-form-urlencoded", new byte[0]);
        assertThat(rollback.status()).isEqualTo(404);
        assertThat(rollback.body()).contains("<html");
    }

    private static void deployBundle(Browser b, String app, Path archive) {
        b.go("/deploy");
        b.type("#bundle-appName", app);
        b.choose("#bundle-bundle", archive);
        b.find("#bundle-form button[type=submit]").click();
        b.await("#build-log", Duration.ofSeconds(30));
        b.awaitText("#deployment-status", "live", DEPLOY);
        b.await("#open-app", Duration.ofSeconds(10));
    }

    private static Path bundle(Path dir, String name) throws IOException {
        return Files.write(temp.resolve(name), PlatformHarness.tarGz(dir));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
