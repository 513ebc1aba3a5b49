package io.slipway.platform.scaling.store;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.platform.scaling.AppScaler;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import java.time.Duration;

/** The part of an override beyond the manifest's fields: the autoscaler's tuning and the CPU rule. */
final class OverrideTuning {

    private OverrideTuning() {
    }

    static void merge(ScalingOverride o, ScalingUpdate u) {
        if (u.stableWindow() != null) {
            o.setStableWindowMillis(Durations.parse("stableWindow", u.stableWindow()).toMillis());
        }
        if (u.panicWindow() != null) {
            o.setPanicWindowMillis(Durations.parse("panicWindow", u.panicWindow()).toMillis());
        }
        if (u.maxScaleDownRate() != null) {
            o.setMaxScaleDownRate(u.maxScaleDownRate());
        }
        if (u.scaleDownDelay() != null) {
            o.setScaleDownDelayMillis(Durations.parse("scaleDownDelay", u.scaleDownDelay()).toMillis());
        }
        if (u.cpu() != null) {
            o.setCpuEnabled(Boolean.FALSE.equals(u.cpu().enabled()) ? Boolean.FALSE : Boolean.TRUE);
            if (u.cpu().scaleUpAbove() != null) {
                o.setCpuScaleUpAbove(u.cpu().scaleUpAbove());
            }
            if (u.cpu().scaleDownBelow() != null) {
                o.setCpuScaleDownBelow(u.cpu().scaleDownBelow());
            }
            if (u.cpu().window() != null) {
                o.setCpuWindowSeconds(Durations.parse("cpu.window", u.cpu().window()).toSeconds());
            }
        }
    }

    /**
     * The manifest's CPU rule with the overridden fields (over the defaults when the manifest has no rule), or
     * none when the API switched it off.
     */
    static CpuRule cpu(CpuRule base, ScalingOverride o) {
        if (Boolean.FALSE.equals(o.getCpuEnabled())) {
            return null;
        }
        if (o.getCpuEnabled() == null && o.getCpuScaleUpAbove() == null && o.getCpuScaleDownBelow() == null
                && o.getCpuWindowSeconds() == null) {
            return base;
        }
        CpuRule from = base == null ? CpuRule.defaults() : base;
        try {
            return new CpuRule(or(o.getCpuScaleUpAbove(), from.scaleUpAbove()),
                    or(o.getCpuScaleDownBelow(), from.scaleDownBelow()),
                    o.getCpuWindowSeconds() == null ? from.window() : Duration.ofSeconds(o.getCpuWindowSeconds()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cpu." + e.getMessage(), e);
        }
    }

    /** {@code p} with the overridden tuning; the stable window can be at most what the autoscaler keeps. */
    static ScalingPolicy tune(ScalingPolicy p, ScalingOverride o) {
        Duration stable = millis(o.getStableWindowMillis(), p.stableWindow());
        if (stable.compareTo(AppScaler.DEMAND_KEPT) > 0) {
            throw new IllegalArgumentException("stableWindow must be at most " + Durations.format(AppScaler.DEMAND_KEPT)
                    + " (the demand the autoscaler keeps), got " + Durations.format(stable));
        }
        return new ScalingPolicy(p.minInstances(), p.maxInstances(), p.targetConcurrency(), p.scaleToZeroAfter(),
                p.schedule(), p.cpu(), p.predictive(), p.panicThreshold(), stable,
                millis(o.getPanicWindowMillis(), p.panicWindow()), or(o.getMaxScaleDownRate(), p.maxScaleDownRate()),
                millis(o.getScaleDownDelayMillis(), p.scaleDownDelay()), p.tick());
    }

    static void copy(ScalingOverride from, ScalingOverride to) {
        to.setStableWindowMillis(from.getStableWindowMillis());
        to.setPanicWindowMillis(from.getPanicWindowMillis());
        to.setMaxScaleDownRate(from.getMaxScaleDownRate());
        to.setScaleDownDelayMillis(from.getScaleDownDelayMillis());
        to.setCpuScaleUpAbove(from.getCpuScaleUpAbove());
        to.setCpuScaleDownBelow(from.getCpuScaleDownBelow());
        to.setCpuWindowSeconds(from.getCpuWindowSeconds());
        to.setCpuEnabled(from.getCpuEnabled());
    }

    private static Duration millis(Long value, Duration fallback) {
        return value == null ? fallback : Duration.ofMillis(value);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
