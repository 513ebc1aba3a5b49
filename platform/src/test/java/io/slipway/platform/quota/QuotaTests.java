package io.slipway.platform.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.RuntimeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quotas on a real platform (process backend, echo models): deploys and policy changes that would
 * break one are refused with a message naming it, and the autoscaler stops at the quota and says so.
 */
class QuotaTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            for (String app : List.of("first", "second", "busy")) {
                platform.delete("/api/v1/apps/" + app);
            }
            platform.close();
        }
    }

    @Test
    void deployOfOneAppTooManyIsRefusedNamingMaxApps() throws Exception {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.quotas.max-apps=1");
        assertThat(deploy("first", "minInstances: 1").path("status").asText()).isEqualTo("live");

        PlatformHarness.Answer refused = upload("second", "minInstances: 1");

        assertThat(refused.status()).isEqualTo(403);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("quota").asText()).isEqualTo("maxApps");
        assertThat(problem.path("detail").asText()).contains("quota maxApps (1) reached");
        assertThat(platform.get("/api/v1/apps/second").status()).isEqualTo(404);
        assertThat(deploy("first", "minInstances: 1").path("status").asText())
                .as("a new release of an existing app is no new app").isEqualTo("live");
    }

    @Test
    void bundleOverTheQuotaIsRefusedWith413NamingMaxBundleSize() throws Exception {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.quotas.max-bundle-size=2KB");
        Path dir = bundle("first", "minInstances: 1");
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(noise); // incompressible
        Files.write(dir.resolve("weights.bin"), noise);

        PlatformHarness.Answer refused = platform.post("/api/v1/apps/first/deployments", "application/gzip",
                PlatformHarness.tarGz(dir));

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(JSON.readTree(refused.body()).path("quota").asText()).isEqualTo("maxBundleSize");
        assertThat(platform.get("/api/v1/apps/first").status()).isEqualTo(404);
    }

    @Test
    void instancesBeyondTheQuotaAreRefusedAtDeployAndAtPolicyChange() throws Exception {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.quotas.max-instances=3",
                "--slipway.quotas.max-memory=2GB");
        assertThat(deploy("first", "minInstances: 2\n  maxInstances: 3").path("status").asText()).isEqualTo("live");

        PlatformHarness.Answer tooMany = upload("second", "minInstances: 2");
        assertThat(tooMany.status()).isEqualTo(403);
        assertThat(JSON.readTree(tooMany.body()).path("detail").asText())
                .contains("quota maxInstances (3) would be exceeded: 2 instance(s) of 'second' plus 2");

        assertThat(deploy("second", "minInstances: 1").path("status").asText()).isEqualTo("live");
        PlatformHarness.Answer raise = platform.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.url("/api/v1/apps/second/scaling")))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"minInstances\": 2}")));
        assertThat(raise.status()).as(raise.body()).isEqualTo(403);
        assertThat(JSON.readTree(raise.body()).path("quota").asText()).isEqualTo("maxInstances");
        assertThat(JSON.readTree(platform.get("/api/v1/apps/second/scaling").body()).path("minInstances").asInt())
                .isEqualTo(1);

        PlatformHarness.Answer tooBig = upload("second", "minInstances: 1", "resources: { cpu: 0.5, memory: 1600Mi }");
        assertThat(tooBig.status()).isEqualTo(403);
        assertThat(JSON.readTree(tooBig.body()).path("detail").asText()).startsWith("quota maxMemory (2.0 GiB)");
    }

    @Test
    void autoscalerStopsAtTheQuotaAndRecordsIt() throws Exception {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.quotas.max-instances=2",
                "--slipway.scaling.tick=1s");
        assertThat(deploy("busy", "minInstances: 1\n  maxInstances: 6\n  targetConcurrency: 1",
                "model:\n  format: echo\n  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]\n"
                        + "  echo: { delayMs: 200 }").path("status").asText()).isEqualTo("live");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    platform.postJson("/apps/busy/v2/models/busy/infer",
                            "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}");
                }
            });
            client.start();
            clients.add(client);
        }
        try {
            String events = "";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline && !events.contains("quota maxInstances held it back to 2")) {
                Thread.sleep(500);
                events = platform.get("/api/v1/apps/busy/scaling/events?limit=50").body();
            }
            assertThat(events).contains("quota maxInstances held it back to 2");
            Thread.sleep(5000);
            long running2 = platform.bean(RuntimeBackend.class).list().stream()
                    .filter(i -> i.app().equals("busy") && i.running()).count();
            assertThat(running2).as("instances under load with quota 2 and 8 clients").isEqualTo(2);
            assertThat(JSON.readTree(platform.get("/api/v1/apps/busy/scaling/events?limit=50").body()))
                    .filteredOn(e -> e.path("reason").asText().contains("quota")).hasSizeLessThan(4);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
    }

    JsonNode deploy(String app, String scaling, String... more) throws Exception {
        return platform.deploy(app, bundle(app, scaling, more));
    }

    PlatformHarness.Answer upload(String app, String scaling, String... more) throws Exception {
        return platform.post("/api/v1/apps/" + app + "/deployments", "application/gzip",
                PlatformHarness.tarGz(bundle(app, scaling, more)));
    }

    Path bundle(String app, String scaling, String... more) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(app + System.nanoTime()));
        String extra = String.join("\n", more);
        String model = extra.contains("model:") ? "" : """
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                """;
        String resources = extra.contains("resources:") ? "" : "resources: { cpu: 0.25, memory: 256Mi }\n";
        Files.writeString(dir.resolve("slipway.yaml"), "name: " + app + "\n" + model + resources + extra
                + "\nscaling:\n  " + scaling + "\n");
        return dir;
    }
}
