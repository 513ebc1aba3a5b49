package io.slipway.platform.scaling.sim;

import java.time.Duration;

/**
 * The model of an instance and of the replay.
 *
 * @param latency how long one request takes: demand in flight = rate x latency (Little's law)
 * @param instanceConcurrency requests one instance serves at once ({@code serving.maxConcurrency}); its
 * capacity is {@code instanceConcurrency / latency} requests a second, the rest is over capacity
 * @param startupTime from start to ready of a new instance
 * @param timeCompression trace time per simulated time: 60 plays a trace minute in a second (rates kept)
 * @param firstEvents how many scaling events a report lists
 */
public record SimulationSettings(Duration latency, int instanceConcurrency, Duration startupTime,
        int timeCompression, int firstEvents) {

    public SimulationSettings {
        if (latency.isNegative() || latency.isZero()) {
            throw new IllegalArgumentException("latency must be positive, got " + latency);
        }
        if (instanceConcurrency < 1) {
            throw new IllegalArgumentException("instanceConcurrency must be >= 1, got " + instanceConcurrency);
        }
        if (startupTime.isNegative()) {
            throw new IllegalArgumentException("startupTime must be >= 0, got " + startupTime);
        }
        if (timeCompression < 1 || 60_000 % timeCompression != 0) {
            throw new IllegalArgumentException("timeCompression must divide 60000 (1, 2, 10, 60, ...), got "
                    + timeCompression);
        }
        if (firstEvents < 0) {
            throw new IllegalArgumentException("firstEvents must be >= 0, got " + firstEvents);
        }
    }

    /** The capacity of one instance, in requests a second. */
    public double instanceRps() {
        return instanceConcurrency / (latency.toNanos() / 1e9);
    }
}
