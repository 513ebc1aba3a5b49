package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTests {

    @Test
    void parseReadsUnitsAndCombinations() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("300s")).isEqualTo(Duration.ofSeconds(300));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("10h")).isEqualTo(Duration.ofHours(10));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void parseWhenNotDurationIsNull() {
        assertThat(Durations.parse("10")).isNull();
        assertThat(Durations.parse("10 m")).isNull();
        assertThat(Durations.parse("1.5h")).isNull();
        assertThat(Durations.parse("-5s")).isNull();
        assertThat(Durations.parse("5w")).isNull();
        assertThat(Durations.parse("")).isNull();
    }

    @Test
    void formatUsesLargestWholeUnit() {
        assertThat(Durations.format(Duration.ofDays(31))).isEqualTo("31d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

}
