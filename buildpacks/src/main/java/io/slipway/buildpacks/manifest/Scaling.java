package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the autoscaler sizes an app, {@code scaling} in the manifest.
 *
 * @param minInstances the floor, 0 to 100 (default 1); 0 allows scale-to-zero
 * @param maxInstances the ceiling, 1 to 100 and {@code >= minInstances} (default 5)
 * @param targetConcurrency in-flight requests per instance the autoscaler aims for, 1 to 1000 and
 * at most {@code serving.maxConcurrency} (default 4, or {@code serving.maxConcurrency} when lower)
 * @param scaleToZeroAfter idle time before scaling to zero when {@code minInstances} is 0, 1s to 7d
 * (default 300s)
 * @param schedule time-based floors, at most 50 (default none)
 * @param cpu the CPU rule, or null when there is none (the default)
 * @param predictive whether to raise the floor ahead of forecast peaks (default false)
 */
public record Scaling(int minInstances, int maxInstances, int targetConcurrency, Duration scaleToZeroAfter,
        List<ScheduleEntry> schedule, CpuRule cpu, boolean predictive) {

    /** The default {@link #targetConcurrency()} when {@code serving.maxConcurrency} allows it. */
    public static final int DEFAULT_TARGET_CONCURRENCY = 4;

    /** Checks the ranges and copies the schedule. */
    public Scaling {
        Limits.MIN_INSTANCES.require("minInstances", minInstances);
        Limits.MAX_INSTANCES.require("maxInstances", maxInstances);
        if (maxInstances < minInstances) {
            throw new IllegalArgumentException(
                    "maxInstances must be >= minInstances (" + minInstances + "), got " + maxInstances);
        }
        Limits.TARGET_CONCURRENCY.require("targetConcurrency", targetConcurrency);
        Limits.SCALE_TO_ZERO_AFTER.require("scaleToZeroAfter",
                Objects.requireNonNull(scaleToZeroAfter, "scaleToZeroAfter"));
        schedule = List.copyOf(schedule);
        for (ScheduleEntry entry : schedule) {
            if (entry.minInstances() > maxInstances) {
                throw new IllegalArgumentException("schedule minInstances must be <= maxInstances (" + maxInstances
                        + "), got " + entry.minInstances());
            }
        }
    }

    /**
     * Returns the scaling used when the manifest has no {@code scaling} section.
     * @return 1 to 5 instances aiming at 4 in-flight requests each, idle 300s, no schedule, CPU rule
     * or forecast
     */
    public static Scaling defaults() {
        return new Scaling(1, 5, DEFAULT_TARGET_CONCURRENCY, Duration.ofSeconds(300), List.of(), null, false);
    }

}
