package io.slipway.platform.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-app history on a fake clock: time-weighted concurrency, rates, buckets. */
class TrafficRecorderTests {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Instant origin = Instant.parse("2026-01-01T00:00:00Z");
    private final TrafficRecorder traffic = new TrafficRecorder(new SimpleMeterRegistry(), nanos::get,
            Clock.fixed(origin, ZoneOffset.UTC));

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void concurrencyIsWeightedByTimeNotSampledAtArrival() {
        long first = traffic.started("iris");
        long second = traffic.started("iris");
        advance(Duration.ofMillis(1000));
        traffic.finished("iris", first, 200);
        advance(Duration.ofMillis(1000));
        traffic.finished("iris", second, 200);

        // 2 in flight for 1 s, then 1 for 1 s
        assertThat(traffic.averageConcurrency("iris", Duration.ofSeconds(2))).isCloseTo(1.5, within(1e-9));
        assertThat(traffic.requestsPerSecond("iris", Duration.ofSeconds(2))).isCloseTo(1.0, within(1e-9));
        assertThat(traffic.lastRequestAt("iris")).isEqualTo(origin.toEpochMilli());
    }

    @Test
    void aLongRequestCountsInEveryBucketItSpans() {
        long started = traffic.started("iris");
        advance(Duration.ofSeconds(5));
        assertThat(traffic.inFlight("iris")).isEqualTo(1);
        assertThat(traffic.averageConcurrency("iris", Duration.ofSeconds(4))).isCloseTo(1.0, within(1e-9));
        traffic.finished("iris", started, 200);
        advance(Duration.ofSeconds(1));

        List<AppTraffic.Sample> history = traffic.history("iris");
        assertThat(history).hasSize(3);
        assertThat(history).extracting(AppTraffic.Sample::averageConcurrency).containsExactly(1.0, 1.0, 0.5);
        assertThat(history).extracting(AppTraffic.Sample::start)
                .containsExactly(origin, origin.plusSeconds(2), origin.plusSeconds(4));
        assertThat(traffic.averageConcurrency("iris", Duration.ofSeconds(2))).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void historyKeepsRequestsErrorsAndLatencyPerBucket() {
        for (int i = 0; i < 4; i++) {
            long started = traffic.started("iris");
            advance(Duration.ofMillis(100));
            traffic.finished("iris", started, i == 3 ? 503 : 200);
        }
        advance(Duration.ofSeconds(2));

        AppTraffic.Sample first = traffic.history("iris").get(0);
        assertThat(first.requests()).isEqualTo(4);
        assertThat(first.errors()).isEqualTo(1);
        assertThat(first.meanLatencyMillis()).isCloseTo(100.0, within(1e-6));
        assertThat(first.averageConcurrency()).isCloseTo(0.2, within(1e-9));
        assertThat(first.length()).isEqualTo(TrafficRecorder.BUCKET);
    }

    @Test
    void latencyPercentilesComeFromPowerOfTwoBins() {
        // 90 requests of 1 ms, 9 of 30 ms and 1 of 700 ms.
        int[][] plan = {{90, 1}, {9, 30}, {1, 700}};
        for (int[] group : plan) {
            for (int i = 0; i < group[0]; i++) {
                long started = traffic.started("iris");
                advance(Duration.ofMillis(group[1]));
                traffic.finished("iris", started, 200);
            }
        }
        AppTraffic.Latency latency = traffic.latency("iris", Duration.ofMinutes(5));
        assertThat(latency.p50Millis()).isEqualTo(1.0);   // bin (0.5, 1] ms
        assertThat(latency.p90Millis()).isEqualTo(1.0);
        assertThat(latency.p99Millis()).isEqualTo(32.0);  // bin (16, 32] ms
        advance(Duration.ofSeconds(2));
        assertThat(traffic.history("iris")).singleElement().satisfies(s -> {
            assertThat(s.p50Millis()).isEqualTo(1.0);
            assertThat(s.p99Millis()).isEqualTo(32.0);
        });
        assertThat(traffic.latency("unknown", Duration.ofMinutes(1)).p50Millis()).isZero();
    }

    @Test
    void historyIsBoundedToTheLastHourAndQuietAppsReadZero() {
        long started = traffic.started("iris");
        traffic.finished("iris", started, 200);
        advance(Duration.ofHours(2));

        assertThat(traffic.history("iris")).hasSize(TrafficRecorder.BUCKETS - 1)
                .allSatisfy(s -> assertThat(s.requests()).isZero());
        assertThat(traffic.requestsPerSecond("iris", Duration.ofMinutes(1))).isZero();
        assertThat(traffic.averageConcurrency("unknown", Duration.ofMinutes(1))).isZero();
        assertThat(traffic.history("unknown")).isEmpty();
    }
}
