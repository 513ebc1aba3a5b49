package io.slipway.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the autoscaler sees of one app at one tick.
 *
 * @param concurrency in-flight requests (including those queued in the router), one sample a tick,
 * kept at least for the stable window
 * @param ready instances ready to serve
 * @param desired the instance count decided last (the count this decision starts from)
 * @param cpu mean CPU percent over the app's instances, one sample a tick, kept at least for the CPU
 * window; null when unknown or the policy has no CPU rule
 * @param startupTime how long a new instance takes to become ready (measured, or an estimate)
 * @param lastRequestAt when a request last arrived, null if never: scale to zero counts idle time from it
 * @param history the app's demand history for the predictive floor; null when not kept
 * @param memory what the previous decision left for this one ({@link Decision#memory()}), {@link
 * ScalerMemory#NONE} at first
 */
public record AppSnapshot(MetricWindow concurrency, int ready, int desired, MetricWindow cpu, Duration startupTime,
        Instant lastRequestAt, DemandHistory history, ScalerMemory memory) {

    /** Checks the counts and fills in the defaults for a missing memory or start-up time. */
    public AppSnapshot {
        Objects.requireNonNull(concurrency, "concurrency");
        if (ready < 0 || desired < 0) {
            throw new IllegalArgumentException("ready and desired must be >= 0, got " + ready + ", " + desired);
        }
        startupTime = (startupTime == null) ? Duration.ZERO : startupTime;
        memory = (memory == null) ? ScalerMemory.NONE : memory;
    }
}
