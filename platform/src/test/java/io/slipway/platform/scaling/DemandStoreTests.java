package io.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import io.slipway.platform.scaling.store.DemandStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The predictive floor's history survives a platform restart: demand stored per minute in the
 * database comes back as a history that forecasts the app's daily peak.
 */
class DemandStoreTests {

    @Test
    void storedDemandSurvivesARestartAndForecastsTheDailyPeak(@TempDir Path dataDir) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // Three weeks of a quiet app (demand 1) with a daily peak (demand 20) at this hour tomorrow.
        Instant peakTomorrow = now.plus(Duration.ofHours(24));
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "process")) {
            DemandStore store = platform.bean(DemandStore.class);
            for (int day = 21; day >= 1; day--) {
                Instant dayPeak = peakTomorrow.minus(Duration.ofDays(day));
                for (int minute = -90; minute <= 90; minute++) {
                    Instant at = dayPeak.plus(Duration.ofMinutes(minute));
                    if (at.isBefore(now)) {
                        store.save("app", at, Math.abs(minute) <= 30 ? 20 : 1);
                    }
                }
            }
        }
        try (PlatformHarness restarted = PlatformHarness.start(dataDir, "process")) {
            DemandHistory history = restarted.bean(DemandStore.class).load("app", now);
            double atPeak = history.peakForecast(peakTomorrow.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(10)),
                    peakTomorrow.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)));
            double quiet = history.peakForecast(peakTomorrow.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(85)),
                    peakTomorrow.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(70)));
            assertThat(history.value(history.bucketOf(peakTomorrow.minus(Duration.ofDays(2))))).isEqualTo(20.0);
            assertThat(atPeak).isGreaterThan(10);
            assertThat(quiet).isLessThan(5);
        }
    }
}
