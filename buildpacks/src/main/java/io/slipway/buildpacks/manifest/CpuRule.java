package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.Objects;

/**
 * Scaling on CPU use, {@code scaling.cpu} in the manifest: add an instance when the average CPU
 * use over {@code window} is above {@code scaleUpAbove} percent, remove one when it is below
 * {@code scaleDownBelow} percent.
 *
 * @param scaleUpAbove percent, 1 to 100 (default 80)
 * @param scaleDownBelow percent, 1 to 100 and below {@code scaleUpAbove} (default 20)
 * @param window the averaging window, 10s to 1h (default 10m)
 */
public record CpuRule(int scaleUpAbove, int scaleDownBelow, Duration window) {

    /** Checks the ranges and that the thresholds are in order. */
    public CpuRule {
        Limits.CPU_PERCENT.require("scaleUpAbove", scaleUpAbove);
        Limits.CPU_PERCENT.require("scaleDownBelow", scaleDownBelow);
        if (scaleDownBelow >= scaleUpAbove) {
            throw new IllegalArgumentException(
                    "scaleDownBelow must be < scaleUpAbove (" + scaleUpAbove + "), got " + scaleDownBelow);
        }
        Limits.CPU_WINDOW.require("window", Objects.requireNonNull(window, "window"));
    }

    /**
     * Returns the rule used for {@code cpu: {}}.
     * @return up above 80%, down below 20%, over 10 minutes
     */
    public static CpuRule defaults() {
        return new CpuRule(80, 20, Duration.ofMinutes(10));
    }

}
