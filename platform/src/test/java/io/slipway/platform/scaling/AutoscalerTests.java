package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoscalerTests {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

    private final Autoscaler autoscaler = new Autoscaler(ZoneOffset.UTC);

    private static ScalingPolicy policy(int min, int max) {
        return ScalingPolicy.of(new Scaling(min, max, 4, Duration.ofSeconds(300), List.of(), null, false));
    }

    /** Concurrency samples every 2 s: {@code level} for the 60 s before the last 6 s, {@code burst} in them. */
    private static MetricWindow load(double level, double burst, Instant now) {
        MetricWindow w = new MetricWindow(Duration.ofSeconds(62));
        for (int s = 58; s >= 0; s -= 2) {
            w.add(now.minusSeconds(s), s < 6 ? burst : level);
        }
        return w;
    }

    private static AppSnapshot snapshot(MetricWindow w, int ready, int desired) {
        return new AppSnapshot(w, ready, desired, null, Duration.ofSeconds(30), T0, null, ScalerMemory.NONE);
    }

    @Test
    void stableDemandSetsInstancesToDemandOverTarget() {
        Decision d = autoscaler.decide(policy(1, 10), snapshot(load(10, 10, T0), 2, 2), T0);
        assertThat(d.desired()).isEqualTo(3);
        assertThat(d.panic()).isFalse();
        assertThat(d.reason()).isEqualTo("stable: 60 s demand 10.0 / target 4; 2 -> 3");
    }

    @Test
    void burstOfTwiceTheCapacityPanicsOnThePanicWindow() {
        Decision d = autoscaler.decide(policy(1, 10), snapshot(load(4, 31, T0), 3, 3), T0);
        assertThat(d.panic()).isTrue();
        assertThat(d.desired()).isEqualTo(8);
        assertThat(d.reason()).startsWith("panic: 6 s demand 31.0 >= 2 x capacity 12").endsWith("3 -> 8");
        assertThat(d.memory().lastPanicAt()).isEqualTo(T0);
    }

    @Test
    void panicNeverScalesDownUntilAStableWindowPassesWithoutBurst() {
        ScalerMemory panicked = new ScalerMemory(T0.minusSeconds(30), 0, null, null);
        AppSnapshot quiet = new AppSnapshot(load(1, 1, T0), 8, 8, null, Duration.ZERO, T0, null, panicked);
        Decision held = autoscaler.decide(policy(1, 10), quiet, T0);
        assertThat(held.panic()).isTrue();
        assertThat(held.desired()).isEqualTo(8);

        Instant later = T0.plusSeconds(31);
        AppSnapshot after = new AppSnapshot(load(1, 1, later), 8, 8, null, Duration.ZERO, later, null, panicked);
        Decision calm = autoscaler.decide(policy(1, 10), after, later);
        assertThat(calm.panic()).isFalse();
        assertThat(calm.desired()).isEqualTo(4);
    }

    @Test
    void desiredStaysWithinMinAndMax() {
        assertThat(autoscaler.decide(policy(2, 5), snapshot(load(100, 100, T0), 5, 5), T0).desired()).isEqualTo(5);
        assertThat(autoscaler.decide(policy(2, 5), snapshot(load(0.5, 0.5, T0), 2, 2), T0).desired()).isEqualTo(2);
    }

    @Test
    void scaleDownIsLimitedToTheMaxScaleDownRate() {
        Decision d = autoscaler.decide(policy(1, 20), snapshot(load(4, 4, T0), 10, 10), T0);
        assertThat(d.desired()).isEqualTo(5);
        assertThat(d.wanted()).isEqualTo(1);
        assertThat(d.heldBack()).isTrue();
        assertThat(d.reason()).contains("max scale-down rate 2 (wanted 1)");
    }

    @Test
    void scaleDownDelayHoldsTheCountUntilFewerWereWantedForTheWholeDelay() {
        ScalingPolicy p = policy(1, 10).withScaleDownDelay(Duration.ofSeconds(30));
        Decision first = autoscaler.decide(p, snapshot(load(4, 4, T0), 3, 3), T0);
        assertThat(first.desired()).isEqualTo(3);
        assertThat(first.changes()).isFalse();
        assertThat(first.reason()).contains("scale-down delay 30 s (1 wanted)");

        Instant later = T0.plusSeconds(30);
        AppSnapshot after = new AppSnapshot(load(4, 4, later), 3, 3, null, Duration.ZERO, later, null, first.memory());
        assertThat(autoscaler.decide(p, after, later).desired()).isEqualTo(2);
    }

    @Test
    void scalesToZeroOnlyAfterIdleForScaleToZeroAfter() {
        ScalingPolicy p = policy(0, 5);
        MetricWindow idle = load(0, 0, T0);
        AppSnapshot recent = new AppSnapshot(idle, 1, 1, null, Duration.ZERO, T0.minusSeconds(299), null, null);
        assertThat(autoscaler.decide(p, recent, T0).desired()).isEqualTo(1);
        AppSnapshot longAgo = new AppSnapshot(idle, 1, 1, null, Duration.ZERO, T0.minusSeconds(300), null, null);
        Decision d = autoscaler.decide(p, longAgo, T0);
        assertThat(d.desired()).isZero();
        assertThat(d.reason()).contains("idle 300 s: to zero");
    }

    @Test
    void minInstancesAboveZeroNeverScalesToZero() {
        AppSnapshot s = new AppSnapshot(load(0, 0, T0), 1, 1, null, Duration.ZERO, null, null, null);
        assertThat(autoscaler.decide(policy(1, 5), s, T0).desired()).isEqualTo(1);
    }

    @Test
    void scheduleRaisesTheFloorFromItsFireTimeForItsDuration() {
        ScheduleEntry mornings = new ScheduleEntry("0 0 8 * * MON-FRI", 3, Duration.ofHours(10));
        ScalingPolicy p = ScalingPolicy.of(new Scaling(1, 5, 4, Duration.ofSeconds(300), List.of(mornings), null,
                false));
        Instant before = Instant.parse("2026-03-02T07:59:58Z");
        Instant at = Instant.parse("2026-03-02T08:00:00Z");
        Instant after = Instant.parse("2026-03-02T18:00:00Z");
        Instant saturday = Instant.parse("2026-03-07T09:00:00Z");
        assertThat(autoscaler.decide(p, snapshot(load(1, 1, before), 1, 1), before).desired()).isEqualTo(1);
        Decision d = autoscaler.decide(p, snapshot(load(1, 1, at), 1, 1), at);
        assertThat(d.desired()).isEqualTo(3);
        assertThat(d.reason()).contains("schedule '0 0 8 * * MON-FRI' floor 3");
        assertThat(autoscaler.decide(p, snapshot(load(1, 1, after), 1, 1), after).desired()).isEqualTo(1);
        assertThat(autoscaler.decide(p, snapshot(load(1, 1, saturday), 1, 1), saturday).desired()).isEqualTo(1);
    }

    @Test
    void cpuAboveThresholdForAWholeWindowAddsOneAndBelowRemovesIt() {
        CpuRule rule = new CpuRule(80, 20, Duration.ofMinutes(10));
        ScalingPolicy p = ScalingPolicy.of(new Scaling(1, 5, 4, Duration.ofSeconds(300), List.of(), rule, false));
        MetricWindow hot = cpu(90, Duration.ofMinutes(10));
        Decision up = autoscaler.decide(p, cpuSnapshot(hot, 2, ScalerMemory.NONE), T0);
        assertThat(up.desired()).isEqualTo(3);
        assertThat(up.reason()).contains("CPU floor 3");

        Decision tooSoon = autoscaler.decide(p, cpuSnapshot(hot, 3, up.memory()), T0.plusSeconds(2));
        assertThat(tooSoon.desired()).isEqualTo(3);

        MetricWindow shortHot = cpu(90, Duration.ofMinutes(5));
        assertThat(autoscaler.decide(p, cpuSnapshot(shortHot, 2, ScalerMemory.NONE), T0).desired()).isEqualTo(2);

        ScalerMemory held = new ScalerMemory(null, 3, T0.minus(Duration.ofMinutes(10)), null);
        Decision down = autoscaler.decide(p, cpuSnapshot(cpu(10, Duration.ofMinutes(10)), 3, held), T0);
        assertThat(down.desired()).isEqualTo(2);
        assertThat(down.memory().cpuFloor()).isEqualTo(2);
    }

    private static MetricWindow cpu(double percent, Duration covered) {
        MetricWindow w = new MetricWindow(Duration.ofMinutes(11));
        for (long s = covered.toSeconds(); s >= 0; s -= 2) {
            w.add(T0.minusSeconds(s), percent);
        }
        return w;
    }

    private static AppSnapshot cpuSnapshot(MetricWindow cpu, int instances, ScalerMemory memory) {
        return new AppSnapshot(load(8, 8, T0), instances, instances, cpu, Duration.ZERO, T0, null, memory);
    }
}
