package io.slipway.platform.scaling;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the autoscaler needs to size one app: the manifest's {@code scaling} plus the KPA tuning.
 *
 * @param panicThreshold panic when the panic-window demand is at least this many times the ready capacity
 * @param maxScaleDownRate at most divide the instance count by this per decision (2.0 = at most halve)
 * @param scaleDownDelay scale in only after the rules have wanted fewer instances for this long (0 = at once);
 *     damps flapping when demand hovers at a multiple of the target
 * @param tick how often the control loop decides
 */
public record ScalingPolicy(int minInstances, int maxInstances, int targetConcurrency, Duration scaleToZeroAfter,
        List<ScheduleEntry> schedule, CpuRule cpu, boolean predictive, double panicThreshold, Duration stableWindow,
        Duration panicWindow, double maxScaleDownRate, Duration scaleDownDelay, Duration tick) {

    public static final double DEFAULT_PANIC_THRESHOLD = 2.0;
    public static final Duration DEFAULT_STABLE_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PANIC_WINDOW = Duration.ofSeconds(6);
    public static final double DEFAULT_MAX_SCALE_DOWN_RATE = 2.0;
    public static final Duration DEFAULT_SCALE_DOWN_DELAY = Duration.ZERO;
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(2);

    /** Checks the tuning; the manifest fields are checked by {@link Scaling}. */
    public ScalingPolicy {
        new Scaling(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, schedule, cpu, predictive);
        schedule = List.copyOf(schedule);
        if (!(panicThreshold > 1.0)) {
            throw new IllegalArgumentException("panicThreshold must be > 1, got " + panicThreshold);
        }
        if (!(maxScaleDownRate > 1.0)) {
            throw new IllegalArgumentException("maxScaleDownRate must be > 1, got " + maxScaleDownRate);
        }
        positive("stableWindow", stableWindow);
        positive("panicWindow", panicWindow);
        positive("tick", tick);
        if (Objects.requireNonNull(scaleDownDelay, "scaleDownDelay").isNegative()) {
            throw new IllegalArgumentException("scaleDownDelay must be >= 0, got " + scaleDownDelay);
        }
        if (panicWindow.compareTo(stableWindow) > 0) {
            throw new IllegalArgumentException("panicWindow must be <= stableWindow (" + stableWindow + ")");
        }
    }

    /** The policy of a manifest's {@code scaling}, with the default KPA tuning. */
    public static ScalingPolicy of(Scaling s) {
        return new ScalingPolicy(s.minInstances(), s.maxInstances(), s.targetConcurrency(), s.scaleToZeroAfter(),
                s.schedule(), s.cpu(), s.predictive(), DEFAULT_PANIC_THRESHOLD, DEFAULT_STABLE_WINDOW,
                DEFAULT_PANIC_WINDOW, DEFAULT_MAX_SCALE_DOWN_RATE, DEFAULT_SCALE_DOWN_DELAY, DEFAULT_TICK);
    }

    /** The manifest part of this policy. */
    public Scaling scaling() {
        return new Scaling(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, schedule, cpu, predictive);
    }

    /** This policy with the manifest part replaced, the tuning kept. */
    public ScalingPolicy with(Scaling s) {
        return new ScalingPolicy(s.minInstances(), s.maxInstances(), s.targetConcurrency(), s.scaleToZeroAfter(),
                s.schedule(), s.cpu(), s.predictive(), panicThreshold, stableWindow, panicWindow, maxScaleDownRate,
                scaleDownDelay, tick);
    }

    /** This policy with another scale-down delay. */
    public ScalingPolicy withScaleDownDelay(Duration delay) {
        return new ScalingPolicy(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, schedule, cpu,
                predictive, panicThreshold, stableWindow, panicWindow, maxScaleDownRate, delay, tick);
    }

    /** This policy with the forecast turned on or off. */
    public ScalingPolicy withPredictive(boolean on) {
        return with(new Scaling(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, schedule, cpu, on));
    }

    private static void positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
