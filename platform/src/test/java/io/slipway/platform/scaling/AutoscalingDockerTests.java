package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoscaler on a real Docker engine with an echo model that takes 200 ms a request: a load
 * step scales out without a failed request and back in afterwards; an app scaled to zero wakes on
 * its next request; a killed container under load is replaced.
 */
class AutoscalingDockerTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INFER = "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[1,2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @BeforeEach
    void start() {
        DockerAvailability.client();
        platform = PlatformHarness.start(dataDir, "docker", "--slipway.scaling.tick=1s");
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/scaler");
            platform.close();
        }
    }

    @Test
    void loadStepScalesOutWithoutFailuresAndBackInWhenItStops() throws Exception {
        deploy("minInstances: 1\n  maxInstances: 6\n  targetConcurrency: 2");
        Load load = new Load(16);
        long started = System.nanoTime();
        awaitInstances(n -> n > 1, Duration.ofSeconds(15), "instances rise within 15 s of the load step");
        System.out.printf("scaled out after %.1f s%n", (System.nanoTime() - started) / 1e9);
        Thread.sleep(10_000);
        load.stop();
        assertThat(load.failures).as("failed requests during the load step").isEmpty();
        assertThat(load.ok.get()).isGreaterThan(100);
        awaitInstances(n -> n == 1, Duration.ofSeconds(150), "back to minInstances after the load");
        JsonNode events = JSON.readTree(platform.get("/api/v1/apps/scaler/scaling/events?limit=100").body());
        assertThat(events.toString()).contains("->");
    }

    @Test
    void appScaledToZeroServesItsNextRequest() throws Exception {
        deploy("minInstances: 0\n  maxInstances: 2\n  scaleToZeroAfter: 3s");
        awaitInstances(n -> n == 0, Duration.ofSeconds(120), "scaled to zero after idling");
        long start = System.nanoTime();
        PlatformHarness.Answer answer = platform.postJson("/apps/scaler/v2/models/scaler/infer", INFER);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("first request after scale to zero: %d in %.2f s%n", answer.status(), seconds);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(seconds).isLessThan(20);
    }

    @Test
    void killedContainerUnderLoadIsReplacedAndTrafficShifts() throws Exception {
        deploy("minInstances: 2\n  maxInstances: 2\n  targetConcurrency: 2");
        awaitInstances(n -> n == 2, Duration.ofSeconds(60), "two instances");
        Load load = new Load(4);
        Thread.sleep(2000);
        Instance victim = instances().get(0);
        DockerAvailability.client().killContainerCmd(victim.backendId()).exec();
        Thread.sleep(3000);
        int failedRightAfter = load.failures.size();
        awaitInstances(n -> n == 2 && instances().stream().noneMatch(i -> i.id().equals(victim.id())),
                Duration.ofSeconds(60), "the killed instance is replaced");
        Thread.sleep(2000);
        load.stop();
        // At most the requests in flight on the killed instance fail (its serving.maxConcurrency, 4).
        assertThat(load.failures.size()).as(String.valueOf(load.failures)).isLessThanOrEqualTo(4);
        assertThat(load.failures.size()).isEqualTo(failedRightAfter);
    }

    void deploy(String scaling) throws Exception {
        Path dir = Files.createDirectories(bundles.resolve("scaler"));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: scaler
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                  echo: { delayMs: 200 }
                serving:
                  workers: 4
                  maxConcurrency: 4
                resources: { cpu: 0.5, memory: 256Mi }
                scaling:
                  %s
                """.formatted(scaling));
        JsonNode deployment = platform.deploy("scaler", dir);
        assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
    }

    List<Instance> instances() {
        return platform.bean(RuntimeBackend.class).list().stream()
                .filter(i -> i.app().equals("scaler") && i.running()).toList();
    }

    void awaitInstances(Predicate<Integer> wanted, Duration within, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (wanted.test(instances().size())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": still " + instances().size() + " instances; events: "
                + platform.get("/api/v1/apps/scaler/scaling/events?limit=20").body());
    }

    /** Clients that call the model back to back until stopped. */
    final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger ok = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        Load(int clients) {
            for (int i = 0; i < clients; i++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        PlatformHarness.Answer answer = platform.postJson("/apps/scaler/v2/models/scaler/infer", INFER);
                        if (answer.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
