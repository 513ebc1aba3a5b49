package io.slipway.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens when things go wrong (process backend, echo model): a release whose instances
 * never get ready fails and the previous release keeps serving; a crashed instance is replaced.
 */
class RolloutRecoveryTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INFER = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @BeforeEach
    void start() {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.ready-timeout=4s");
    }

    @AfterEach
    void stop() {
        platform.delete("/api/v1/apps/echo");
        platform.close();
    }

    @Test
    void releaseThatNeverGetsReadyFailsAndThePreviousKeepsServing() throws Exception {
        assertThat(deploy(echoBundle("fast", 0)).path("status").asText()).isEqualTo("live");
        assertThat(platform.postJson("/apps/echo/v2/models/echo/infer", INFER).status()).isEqualTo(200);

        // The warm-up of this release sleeps longer than the ready timeout.
        JsonNode slow = deploy(echoBundle("slow", 20_000));

        assertThat(slow.path("status").asText()).isEqualTo("failed");
        assertThat(slow.path("reason").asText()).contains("not ready after 4 s; the previous release keeps serving");
        JsonNode app = JSON.readTree(platform.get("/api/v1/apps/echo").body());
        assertThat(app.path("currentRelease").asInt()).isEqualTo(1);
        assertThat(platform.postJson("/apps/echo/v2/models/echo/infer", INFER).status()).isEqualTo(200);
        assertThat(instances()).hasSize(1).allMatch(i -> i.release() == 1);
    }

    @Test
    void crashedInstanceIsReplacedAndTrafficMoves() throws Exception {
        assertThat(deploy(echoBundle("fast", 0)).path("status").asText()).isEqualTo("live");
        Instance first = instances().get(0);

        ProcessHandle.of(Long.parseLong(first.backendId())).orElseThrow().destroyForcibly();

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<Instance> now = instances();
            if (now.size() == 1 && !now.get(0).id().equals(first.id()) && now.get(0).running()
                    && platform.postJson("/apps/echo/v2/models/echo/infer", INFER).status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the crashed instance was not replaced: " + instances());
    }

    List<Instance> instances() {
        return platform.bean(RuntimeBackend.class).list().stream().filter(i -> i.app().equals("echo")).toList();
    }

    Path echoBundle(String name, int delayMs) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(name));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: echo
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                  echo: { delayMs: %d }
                """.formatted(delayMs));
        return dir;
    }

    JsonNode deploy(Path bundle) {
        return platform.deploy("echo", bundle);
    }
}
