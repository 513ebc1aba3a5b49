package io.slipway.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.config.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metering on a real Docker engine, checked against the engine's own start and die events: one
 * lifetime per container across a platform restart (no double counting, no lost time) and across
 * a rollout (the old instance's lifetime ends when its container died).
 */
class MeteringDockerTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long MEMORY = 256L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;
    ResultCallback.Adapter<Event> events;

    /** Instance id -> when the engine says its container started / died. */
    final Map<String, Instant> started = new ConcurrentHashMap<>();
    final Map<String, Instant> died = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.delete("/api/v1/apps/metered");
            platform.close();
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void lifetimesMatchTheEngineAcrossARestartAndARollout() throws Exception {
        DockerClient docker = DockerAvailability.client();
        String installation = Installation.of(dataDir).id();
        events = docker.eventsCmd().withLabelFilter(Map.of("io.slipway.managed", installation))
                .withEventFilter("start", "die").exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        String id = event.getActor().getAttributes().get("io.slipway.instance");
                        Instant at = Instant.ofEpochSecond(0, event.getTimeNano());
                        (event.getAction().equals("start") ? started : died).put(id, at);
                    }
                });
        platform = PlatformHarness.start(dataDir, "docker", "--slipway.billing.sync-interval=1s");
        deploy("ONE");
        String first = only(lifetimes()).path("instanceId").asText();

        platform.close(); // the container keeps running while the platform is down
        Thread.sleep(3000);
        platform = PlatformHarness.start(dataDir, "docker", "--slipway.billing.sync-interval=1s");
        Thread.sleep(2500); // a few syncs on the adopted instance
        assertThat(lifetimes()).as("still one lifetime after the restart").hasSize(1);

        deploy("TWO");
        awaitClosed(first);
        JsonNode all = lifetimes();
        assertThat(all).hasSize(2);
        JsonNode v1 = all.get(0);
        JsonNode v2 = all.get(1);
        assertThat(v1.path("instanceId").asText()).isEqualTo(first);
        assertThat(v1.path("cpus").asDouble()).isEqualTo(0.5);
        assertThat(v1.path("memoryBytes").asLong()).isEqualTo(MEMORY);
        assertClose(Instant.parse(v1.path("startedAt").asText()), started.get(first), "v1 start");
        assertClose(Instant.parse(v1.path("stoppedAt").asText()), died.get(first), "v1 stop");
        String second = v2.path("instanceId").asText();
        assertThat(v2.path("release").asInt()).isEqualTo(2);
        assertThat(v2.path("stoppedAt").isNull()).isTrue();
        assertClose(Instant.parse(v2.path("startedAt").asText()), started.get(second), "v2 start");

        JsonNode usage = JSON.readTree(platform.get("/api/v1/apps/metered/usage").body());
        double expected = Duration.between(started.get(first), died.get(first)).toMillis() / 1e3
                + Duration.between(started.get(second), Instant.now()).toMillis() / 1e3;
        double metered = usage.path("total").path("instanceSeconds").asDouble();
        System.out.printf("metered %.1f instance-seconds; the engine's events give %.1f%n", metered, expected);
        assertThat(metered).isCloseTo(expected, org.assertj.core.data.Offset.offset(3.0));
        assertThat(usage.path("total").path("cpuSeconds").asDouble()).isCloseTo(metered * 0.5,
                org.assertj.core.data.Offset.offset(2.0));
        String csv = platform.get("/api/v1/usage?format=csv").body();
        assertThat(csv).startsWith("app,from,to,instance_seconds").contains("\r\nmetered,");
    }

    void deploy(String marker) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve(marker));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: metered
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.5, memory: 256Mi }
                env: { MARKER: %s }
                """.formatted(marker));
        JsonNode deployment = platform.deploy("metered", dir);
        assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
    }

    JsonNode lifetimes() throws Exception {
        PlatformHarness.Answer answer = platform.get("/api/v1/apps/metered/usage/instances");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static JsonNode only(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    void awaitClosed(String instanceId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode lifetime : lifetimes()) {
                if (lifetime.path("instanceId").asText().equals(instanceId) && !lifetime.path("stoppedAt").isNull()
                        && died.containsKey(instanceId)) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("lifetime of " + instanceId + " not closed: " + lifetimes() + "; died " + died);
    }

    static void assertClose(Instant metered, Instant engine, String what) {
        assertThat(engine).as(what + ": the engine's event").isNotNull();
        assertThat(Duration.between(engine, metered).abs()).as(what + ": metered " + metered + ", engine " + engine)
                .isLessThan(Duration.ofMillis(1500));
    }
}
