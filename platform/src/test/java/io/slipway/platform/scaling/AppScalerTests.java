package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.Scaling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppScalerTests {

    private final ScalingPolicy toZero = ScalingPolicy.of(
            new Scaling(0, 5, 4, Duration.ofSeconds(60), List.of(), null, false));

    @Test
    void loopScalesUpUnderLoadThenDownAndToZeroAfterIdle() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        AppScaler scaler = new AppScaler(new Autoscaler(clock.getZone()));
        int desired = 1;
        Instant t = clock.instant();
        for (int i = 0; i < 30; i++, t = t.plusSeconds(2)) {
            scaler.observe(t, 12, 100, null);
            desired = scaler.decide(toZero, desired, desired, Duration.ofSeconds(5), t).desired();
        }
        assertThat(desired).isEqualTo(3);

        Instant loadStopped = t;
        Decision last = null;
        for (int i = 0; i < 120 && desired > 0; i++, t = t.plusSeconds(2)) {
            scaler.observe(t, 0, 0, null);
            last = scaler.decide(toZero, desired, desired, Duration.ofSeconds(5), t);
            desired = last.desired();
        }
        assertThat(desired).isZero();
        assertThat(last.reason()).contains("to zero");
        assertThat(Duration.between(loadStopped, t)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void durationsReadAndWriteTheManifestUnits() {
        assertThat(Durations.parse("f", "300s")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("f", "PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofHours(10))).isEqualTo("10h");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Durations.parse("scaleToZeroAfter", "soon"))
                .withMessageStartingWith("scaleToZeroAfter must be a duration");
    }
}
