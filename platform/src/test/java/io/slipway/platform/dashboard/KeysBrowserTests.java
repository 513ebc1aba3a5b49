package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Invoke keys from the app page in headless Chromium: a key made in the browser is shown once and
 * opens the protected app to calls; a bad name comes back beside its field; revoking closes it again.
 */
class KeysBrowserTests {

    static final String INFER = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}";

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
    void keyMadeInTheBrowserOpensTheProtectedAppUntilRevoked() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: locked
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                access: token
                """);
        assertThat(platform.deploy("locked", bundle).path("status").asText()).isEqualTo("live");
        assertThat(call(null)).isEqualTo(401);
        browser = Browser.open(platform.url(""));

        browser.go("/dashboard/apps/locked");
        assertThat(browser.text("#keys")).contains("protected");
        browser.type("#key-name", "<bad>");
        browser.find("#new-key-form button[type=submit]").click();
        browser.await("#key-name-error", Duration.ofSeconds(10));
        assertThat(browser.find("#key-name").getDomProperty("value")).isEqualTo("<bad>");

        browser.type("#key-name", "ci");
        browser.find("#new-key-form button[type=submit]").click();
        String key = browser.await("#new-key-value", Duration.ofSeconds(10)).getText();
        assertThat(key).startsWith("swk_").hasSize(47);
        assertThat(call(key)).isEqualTo(200);
        browser.screenshot("keys");

        browser.find("#try-send").click();
        browser.awaitText("#try-status", "HTTP 401", Duration.ofSeconds(20));
        browser.type("#try-key", key);
        browser.find("#try-send").click();
        browser.awaitText("#try-status", "HTTP 200", Duration.ofSeconds(20));

        browser.go("/dashboard/apps/locked");
        assertThat(browser.driver.findElements(By.id("new-key-value"))).as("shown only once").isEmpty();
        assertThat(browser.text("#key-list")).contains("ci").contains(key.substring(0, 10)).doesNotContain(key);
        browser.find("#key-list tr[data-key='ci'] button").click();
        browser.awaitText("#keys", "Key revoked", Duration.ofSeconds(10));
        assertThat(call(key)).isEqualTo(401);
    }

    int call(String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url("/apps/locked/v2/models/locked/infer")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(INFER));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return platform.send(request).status();
    }
}
