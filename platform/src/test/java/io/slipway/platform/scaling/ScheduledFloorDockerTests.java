package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.ShiftedClock;
import io.slipway.platform.runtime.RuntimeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code scaling.schedule} entry on a real Docker engine, with the platform's clock set just
 * before a weekday 09:00: the floor holds one instance until 09:00, rises to three at 09:00, and
 * falls back to one when the entry's 30 minutes are over.
 */
class ScheduledFloorDockerTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path bundles;

    PlatformHarness platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/morning");
            platform.close();
        }
    }

    @Test
    void scheduleEntryRaisesTheFloorAtItsTimeAndLowersItAfterItsDuration() throws Exception {
        DockerAvailability.client();
        Instant nineOClock = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atTime(9, 0).toInstant(ZoneOffset.UTC);
        ShiftedClock clock = new ShiftedClock(nineOClock.minusSeconds(40));
        platform = PlatformHarness.start(dataDir, "docker", clock, "--slipway.scaling.tick=1s");
        deploy();
        assertThat(clock.instant()).as("deployed before 09:00 (the deploy took too long)").isBefore(nineOClock);
        assertThat(instances()).as("one instance before 09:00").isEqualTo(1);

        awaitInstances(n -> n == 3, nineOClock.plusSeconds(45), clock, "three instances from 09:00");
        Duration late = Duration.between(nineOClock, clock.instant());
        System.out.printf("schedule floor of 3 reached %.1f s after 09:00 (platform clock)%n", late.toMillis() / 1e3);
        JsonNode events = JSON.readTree(platform.get("/api/v1/apps/morning/scaling/events?limit=50").body());
        assertThat(events.toString()).contains("schedule '0 0 9 * * MON-FRI' floor 3");

        clock.set(nineOClock.plus(Duration.ofMinutes(31)));
        awaitInstances(n -> n == 1, clock.instant().plusSeconds(150), clock, "back to one after the entry's 30 minutes");
    }

    void deploy() throws Exception {
        Path dir = Files.createDirectories(bundles.resolve("morning"));
        Files.writeString(dir.resolve("slipway.yaml"), """
                name: morning
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                resources: { cpu: 0.25, memory: 256Mi }
                scaling:
                  minInstances: 1
                  maxInstances: 4
                  schedule:
                    - { cron: "0 0 9 * * MON-FRI", minInstances: 3, duration: 30m }
                """);
        JsonNode deployment = platform.deploy("morning", dir);
        assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
    }

    int instances() {
        return (int) platform.bean(RuntimeBackend.class).list().stream()
                .filter(i -> i.app().equals("morning") && i.running()).count();
    }

    void awaitInstances(IntPredicate wanted, Instant until, Clock clock, String what) throws InterruptedException {
        while (clock.instant().isBefore(until)) {
            if (wanted.test(instances())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": still " + instances() + " instances at " + clock.instant() + "; events: "
                + platform.get("/api/v1/apps/morning/scaling/events?limit=20").body());
    }
}
