package io.slipway.platform.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas per owner: an admin gives one member a smaller quota (and a team its own); that member's
 * deploys and new apps stop at it, naming it, while everyone else keeps the default; removing it
 * gives the default back.
 */
class QuotaOverrideTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.deleteAllApps();
            platform.close();
        }
    }

    @Test
    void oneOwnersQuotaHoldsThatOwnerOnly() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        String olive = platform.createUser("olive", "member");
        String mallory = platform.createUser("mallory", "member");
        PlatformHarness.Answer set = put("/api/v1/quotas/olive", "{\"maxApps\": 1, \"maxInstances\": 2}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).path("quota").path("maxApps").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(set.body()).path("quota").path("maxCpus").asDouble()).as("left out: the default")
                .isEqualTo(32.0);
        assertThat(platform.getAs(olive, "/api/v1/quotas/olive").status()).as("quotas are for admins").isEqualTo(403);

        assertThat(platform.deployAs(olive, "olive-one", bundle("olive-one", 1)).path("status").asText()).isEqualTo("live");
        PlatformHarness.Answer second = upload(olive, "olive-two", 1);
        assertThat(second.status()).as(second.body()).isEqualTo(403);
        assertThat(JSON.readTree(second.body()).path("quota").asText()).isEqualTo("maxApps");
        PlatformHarness.Answer created = platform.sendAs(olive, HttpRequest.newBuilder(URI.create(
                platform.url("/api/v1/apps"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"olive-three\"}")));
        assertThat(created.status()).as("creating an app counts too: " + created.body()).isEqualTo(403);
        PlatformHarness.Answer wide = upload(olive, "olive-one", 3);
        assertThat(wide.status()).as(wide.body()).isEqualTo(403);
        assertThat(JSON.readTree(wide.body()).path("detail").asText()).contains("quota maxInstances (2)");

        for (String app : new String[] {"mallory-one", "mallory-two"}) {
            assertThat(platform.deployAs(mallory, app, bundle(app, 3)).path("status").asText())
                    .as("the default quota for everyone else").isEqualTo("live");
        }

        assertThat(platform.delete("/api/v1/quotas/olive").status()).isEqualTo(204);
        assertThat(platform.deployAs(olive, "olive-two", bundle("olive-two", 1)).path("status").asText())
                .as("back to the default").isEqualTo("live");
        assertThat(put("/api/v1/quotas/nobody", "{\"maxApps\": 1}").status()).isEqualTo(404);
        assertThat(put("/api/v1/quotas/olive", "{\"maxApps\": -1}").status()).isEqualTo(400);
        assertThat(put("/api/v1/quotas/olive", "{\"maxMemory\": \"lots\"}").status()).isEqualTo(400);
        assertThat(put("/api/v1/quotas/olive", "{\"maxApples\": 1}").status()).isEqualTo(400);
        JsonNode audit = JSON.readTree(platform.get("/api/v1/audit?limit=50").body());
        assertThat(audit.toString()).contains("quota of olive set").contains("quota of olive back to the default");
    }

    private PlatformHarness.Answer put(String path, String json) {
        return platform.send(HttpRequest.newBuilder(URI.create(platform.url(path))).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private PlatformHarness.Answer upload(String token, String app, int minInstances) throws Exception {
        return platform.sendAs(token, HttpRequest.newBuilder(URI.create(platform.url("/api/v1/apps/" + app
                + "/deployments"))).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PlatformHarness.tarGz(bundle(app, minInstances)))));
    }

    private Path bundle(String app, int minInstances) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(app + System.nanoTime()));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: %s
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                scaling: { minInstances: %d, maxInstances: 3 }
                """.formatted(app, minInstances));
        return dir;
    }
}
