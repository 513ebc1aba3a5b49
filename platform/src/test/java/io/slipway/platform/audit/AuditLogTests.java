package io.slipway.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every change made through the API lands in the audit log, newest first, with who and what. */
class AuditLogTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void deployScaleRollBackAndDeleteAreAudited() throws Exception {
        platform = PlatformHarness.start(dataDir, "process");
        assertThat(deploy("ONE").path("status").asText()).isEqualTo("live");
        assertThat(deploy("TWO").path("status").asText()).isEqualTo("live");
        PlatformHarness.Answer scaled = platform.send(HttpRequest.newBuilder(
                URI.create(platform.url("/api/v1/apps/audited/scaling"))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"maxInstances\": 3, \"predictive\": true}")));
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        assertThat(platform.delete("/api/v1/apps/audited/scaling").status()).isEqualTo(200);
        PlatformHarness.Answer rollback = platform.post("/api/v1/apps/audited/releases/1/rollback",
                "application/json", new byte[0]);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(202);
        platform.awaitDeployment(rollback.headers().firstValue("Location").orElseThrow());
        assertThat(platform.delete("/api/v1/apps/audited").status()).isIn(200, 204);

        JsonNode events = JSON.readTree(platform.get("/api/v1/audit?app=audited&limit=20").body());
        List<String> lines = new ArrayList<>();
        for (JsonNode event : events) {
            lines.add(event.path("actor").asText() + " " + event.path("action").asText() + " "
                    + event.path("app").asText() + " " + event.path("detail").asText());
        }
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("admin delete-app audited");
        assertThat(lines.get(1)).startsWith("admin rollback audited deployment ").endsWith("back to release v1");
        assertThat(lines.get(2)).isEqualTo("admin scaling-reset audited back to the manifest's policy");
        assertThat(lines.get(3)).isEqualTo("admin scaling-policy audited maxInstances=3, predictive=true");
        assertThat(lines.get(4)).startsWith("admin deploy audited deployment ").contains("of bundle sha256:");
        assertThat(lines.get(5)).startsWith("admin deploy audited");
        assertThat(lines.get(6)).isEqualTo("admin create-app audited created by its first deployment");
        assertThat(JSON.readTree(platform.get("/api/v1/audit?app=audited&limit=2").body())).hasSize(2);
        assertThat(platform.get("/api/v1/audit?limit=0").status()).isEqualTo(400);

        String page = platform.get("/dashboard/audit?app=audited").body();
        assertThat(page).contains("<h1>Audit log</h1>").contains("delete-app").contains("scaling-policy")
                .contains("maxInstances=3, predictive=true");
        assertThat(platform.get("/dashboard/audit?app=..%2Fetc").body()).contains("field-error");
    }

    JsonNode deploy(String marker) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(marker));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: audited
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                env: { MARKER: %s }
                """.formatted(marker));
        return platform.deploy("audited", dir);
    }
}
