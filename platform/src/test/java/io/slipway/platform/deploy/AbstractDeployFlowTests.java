package io.slipway.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy story on one backend, end to end over HTTP: deploy iris, infer through the
 * router, redeploy a changed model under load without a failed request, roll back, restart the
 * platform (the app keeps being served, nothing started twice), delete the app (nothing left).
 */
abstract class AbstractDeployFlowTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INFER = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
            + "\"data\":[5.1,3.5,1.4,0.2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    PlatformHarness platform;

    /** The backend name under test. */
    abstract String backend();

    /** Checks after a step that only the model layer was rebuilt (image backends), if that applies. */
    void assertOnlyModelRebuilt(String buildLog) {
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            try {
                platform.delete("/api/v1/apps/iris");
            } finally {
                platform.close();
            }
        }
    }

    @Test
    void deployServeRedeployUnderLoadRollBackRestartAndDelete() throws Exception {
        platform = PlatformHarness.start(dataDir, backend());
        byte[] v1 = PlatformHarness.tarGz(PlatformHarness.repository().resolve("sample-apps/iris-onnx"));

        JsonNode first = deploy(v1);
        assertThat(first.path("status").asText()).isEqualTo("live");
        assertThat(first.path("release").asInt()).isEqualTo(1);
        JsonNode app = json(platform.get("/api/v1/apps/iris"));
        assertThat(app.path("status").asText()).isEqualTo("running");
        assertThat(app.path("currentRelease").asInt()).isEqualTo(1);
        assertThat(app.path("endpoint").asText()).endsWith("/apps/iris/v2/models/iris/infer");
        assertThat(app.path("instances")).hasSize(1);
        assertInferWorks();

        // A changed model (other weights in the same file) while a client keeps calling.
        Path changed = copyOfIrisWithChangedModel();
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            while (calling.get()) {
                PlatformHarness.Answer answer = platform.postJson("/apps/iris/v2/models/iris/infer", INFER);
                if (answer.status() == 200) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    failures.add(answer.status() + " " + answer.body());
                }
            }
        });
        client.start();
        JsonNode second = deploy(PlatformHarness.tarGz(changed));
        Thread.sleep(500);
        calling.set(false);
        client.join();
        assertThat(second.path("status").asText()).as(log(second)).isEqualTo("live");
        assertThat(second.path("release").asInt()).isEqualTo(2);
        assertThat(failures).as("requests failed during the rollout").isEmpty();
        assertThat(ok.get()).isGreaterThan(20);
        assertOnlyModelRebuilt(log(second));
        assertThat(instances()).hasSize(1).allMatch(i -> i.release() == 2);

        // The same bundle again is not built again.
        JsonNode same = deploy(PlatformHarness.tarGz(changed));
        assertThat(log(same)).contains("reusing");

        // Roll back to v1: a new release from v1's artifact, no rebuild.
        PlatformHarness.Answer rollback = platform.post("/api/v1/apps/iris/releases/1/rollback", "application/json", new byte[0]);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(202);
        JsonNode rolledBack = await(rollback.headers().firstValue("Location").orElseThrow());
        assertThat(rolledBack.path("status").asText()).as(log(rolledBack)).isEqualTo("live");
        assertThat(log(rolledBack)).contains("no rebuild").doesNotContain("building release");
        int rollbackRelease = rolledBack.path("release").asInt();
        JsonNode releases = json(platform.get("/api/v1/apps/iris/releases"));
        assertThat(releases.get(0).path("number").asInt()).isEqualTo(rollbackRelease);
        assertThat(releases.get(0).path("description").asText()).isEqualTo("rollback to v1");
        assertInferWorks();

        // Restart the platform: the instance is adopted, not started twice.
        List<String> before = instances().stream().map(Instance::id).toList();
        platform.close();
        platform = PlatformHarness.start(dataDir, backend());
        awaitRouted();
        assertInferWorks();
        Thread.sleep(2000); // a few reconciler passes
        assertThat(instances()).extracting(Instance::id).containsExactlyElementsOf(before);

        // Delete: instances stopped, data gone.
        assertThat(platform.delete("/api/v1/apps/iris").status()).isEqualTo(204);
        assertThat(platform.get("/api/v1/apps/iris").status()).isEqualTo(404);
        assertThat(instances()).isEmpty();
        assertThat(platform.postJson("/apps/iris/v2/models/iris/infer", INFER).status()).isEqualTo(503);
        try (Stream<Path> bundles = Files.list(dataDir.resolve("bundles"))) {
            assertThat(bundles.map(p -> p.getFileName().toString())).containsOnly("incoming");
        }
        assertNothingLeftBehind();
    }

    /** Backend-specific: no image, container or process of the app remains. */
    void assertNothingLeftBehind() {
    }

    List<Instance> instances() {
        return platform.bean(RuntimeBackend.class).list().stream().filter(i -> i.app().equals("iris")).toList();
    }

    void assertInferWorks() throws IOException {
        PlatformHarness.Answer answer = platform.postJson("/apps/iris/v2/models/iris/infer", INFER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("outputs").get(0).path("shape").toString()).isEqualTo("[1,3]");
    }

    void awaitRouted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (platform.postJson("/apps/iris/v2/models/iris/infer", INFER).status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("iris not routed within 60 s after restart");
    }

    JsonNode deploy(byte[] bundle) throws Exception {
        PlatformHarness.Answer answer = platform.post("/api/v1/apps/iris/deployments", "application/gzip", bundle);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return await(answer.headers().firstValue("Location").orElseThrow());
    }

    JsonNode await(String location) {
        return platform.awaitDeployment(location);
    }

    String log(JsonNode deployment) {
        return platform.get(deployment.path("log").asText()).body();
    }

    JsonNode json(PlatformHarness.Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    Path copyOfIrisWithChangedModel() throws IOException {
        Path source = PlatformHarness.repository().resolve("sample-apps/iris-onnx");
        Path target = work.resolve("iris-changed");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        // Append a custom metadata property to the ONNX file: a different model file, same graph.
        byte[] model = Files.readAllBytes(target.resolve("model/iris.onnx"));
        byte[] key = "retrained".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] value = Long.toString(System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream entry = new java.io.ByteArrayOutputStream();
        entry.write(0x0a);
        entry.write(key.length);
        entry.write(key);
        entry.write(0x12);
        entry.write(value.length);
        entry.write(value);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(model);
        out.write(0x72); // field 14 (metadata_props), length-delimited
        out.write(entry.size());
        out.write(entry.toByteArray());
        Files.write(target.resolve("model/iris.onnx"), out.toByteArray());
        return target;
    }
}
