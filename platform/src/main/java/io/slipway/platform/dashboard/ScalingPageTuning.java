package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;

/** The parts of a policy the scaling page shows but the API cannot override yet, written as in the manifest. */
record ScalingPageTuning(String stableWindow, String panicWindow, String maxScaleDownRate, String scaleDownDelay,
        String panicThreshold, String cpuScaleUpAbove, String cpuScaleDownBelow, String cpuWindow) {

    static ScalingPageTuning of(ScalingPolicy p) {
        CpuRule cpu = p.cpu();
        return new ScalingPageTuning(Durations.format(p.stableWindow()), Durations.format(p.panicWindow()),
                number(p.maxScaleDownRate()), Durations.format(p.scaleDownDelay()), number(p.panicThreshold()),
                cpu == null ? "" : Integer.toString(cpu.scaleUpAbove()),
                cpu == null ? "" : Integer.toString(cpu.scaleDownBelow()),
                cpu == null ? "" : Durations.format(cpu.window()));
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
