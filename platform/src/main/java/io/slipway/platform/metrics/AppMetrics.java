package io.slipway.platform.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/apps/{app}/metrics}: columns ready for a chart (one timestamp column in
 * epoch milliseconds per series group), the scaling events in the window, and the values now.
 *
 * @param step the length of one traffic point (the router's bucket)
 */
public record AppMetrics(String app, String window, String step, Instant from, Instant to, Traffic traffic,
        Instances instances, List<Event> events, Now now) {

    /**
     * Traffic per bucket, oldest first; a latency is null in a bucket without requests.
     *
     * @param t each bucket's start
     */
    public record Traffic(List<Long> t, List<Double> requestsPerSecond, List<Double> errorsPerSecond,
            List<Double> p50Millis, List<Double> p99Millis) {
    }

    /** Instances over time: in the router (ready) and wanted by the autoscaler (desired). */
    public record Instances(List<Long> t, List<Integer> ready, List<Integer> desired) {
    }

    /** A scaling event to mark on the charts. */
    public record Event(Instant at, long t, int from, int to, String reason) {
    }

    /** The values now: requests and errors a second over the last 10 s, latency over the last minute. */
    public record Now(double requestsPerSecond, double errorsPerSecond, double p50Millis, double p99Millis,
            int ready, int desired) {
    }
}
