package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.Scaling;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveFloorTests {

    private static final Instant DAY8 = Instant.parse("2026-03-09T00:00:00Z");

    private final Autoscaler autoscaler = new Autoscaler(ZoneOffset.UTC);

    private final ScalingPolicy predictive = ScalingPolicy.of(
            new Scaling(1, 20, 4, Duration.ofSeconds(300), List.of(), null, true));

    /** Seven days of demand 4, with a peak of 40 every day from 12:00 to 13:00, then today up to {@code now}. */
    private static DemandHistory dailyNoonPeak(Instant now) {
        DemandHistory history = new DemandHistory();
        for (Instant t = DAY8.minus(Duration.ofDays(7)); t.isBefore(now); t = t.plusSeconds(60)) {
            int hour = t.atZone(ZoneOffset.UTC).getHour();
            history.add(t, hour == 12 ? 40 : 4);
        }
        return history;
    }

    private static MetricWindow steady(double demand, Instant now) {
        MetricWindow w = new MetricWindow(Duration.ofSeconds(62));
        for (int s = 58; s >= 0; s -= 2) {
            w.add(now.minusSeconds(s), demand);
        }
        return w;
    }

    private Decision decideAt(Instant now, double demand, int instances) {
        AppSnapshot s = new AppSnapshot(steady(demand, now), instances, instances, null, Duration.ofSeconds(90), now,
                dailyNoonPeak(now), null);
        return autoscaler.decide(predictive, s, now);
    }

    @Test
    void raisesTheFloorAheadOfARecurringDailyPeakByTheStartUpTime() {
        Decision early = decideAt(DAY8.plus(Duration.ofMinutes(11 * 60 + 50)), 4, 1);
        assertThat(early.desired()).isEqualTo(1);

        Decision ahead = decideAt(DAY8.plus(Duration.ofMinutes(11 * 60 + 58)).plusSeconds(30), 4, 1);
        assertThat(ahead.desired()).isGreaterThanOrEqualTo(5);
        assertThat(ahead.reason()).contains("forecast peak").contains("within 92 s");
    }

    @Test
    void neverScalesInOnAForecastAlone() {
        Decision busyNight = decideAt(DAY8.plus(Duration.ofHours(3)), 32, 8);
        assertThat(busyNight.desired()).isEqualTo(8);
        assertThat(busyNight.reason()).doesNotContain("forecast");
    }

    @Test
    void forecastFollowsTheSeasonalProfileScaledByTheLastHour() {
        Instant now = DAY8.plus(Duration.ofHours(11));
        DemandHistory history = dailyNoonPeak(now);
        double[] nextHour = history.forecast(now.plus(Duration.ofMinutes(58)), Duration.ofMinutes(5));
        assertThat(nextHour[0]).isCloseTo(4 * 0.8 + 40 * 0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(nextHour[4]).isCloseTo(40, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void withoutHistoryThereIsNoPredictiveFloor() {
        Instant now = DAY8;
        AppSnapshot s = new AppSnapshot(steady(4, now), 1, 1, null, Duration.ofSeconds(90), now, new DemandHistory(),
                null);
        assertThat(autoscaler.decide(predictive, s, now).desired()).isEqualTo(1);
    }
}
