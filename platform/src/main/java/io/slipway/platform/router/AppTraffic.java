package io.slipway.platform.router;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the router has seen of each app's traffic lately, for the autoscaler and the UI. */
public interface AppTraffic {

    /**
     * One bucket of history: requests answered, errors (5xx and router failures), mean latency,
     * mean in-flight, and latency percentiles (upper bounds of power-of-two bins from 0.25 ms).
     */
    record Sample(Instant start, Duration length, long requests, long errors, double meanLatencyMillis,
            double averageConcurrency, double p50Millis, double p90Millis, double p99Millis) {
    }

    /** Latency percentiles in milliseconds over a window. */
    record Latency(double p50Millis, double p90Millis, double p99Millis) {
    }

    /** p50, p90 and p99 of the latencies of the requests answered in the last {@code window}. */
    Latency latency(String app, Duration window);

    /** Time-weighted mean of requests in the router (queued or at an instance) over the last {@code window}. */
    double averageConcurrency(String app, Duration window);

    /** Requests answered per second over the last {@code window}. */
    double requestsPerSecond(String app, Duration window);

    /** Requests of {@code app} in the router now: queued, held for a cold start, or at an instance. */
    int inFlight(String app);

    /** Epoch milliseconds of the last request that arrived for {@code app}, or 0 if none. */
    long lastRequestAt(String app);

    /** The kept history, oldest first, complete buckets only. */
    List<Sample> history(String app);
}
