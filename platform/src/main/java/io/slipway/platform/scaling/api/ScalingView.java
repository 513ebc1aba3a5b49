package io.slipway.platform.scaling.api;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import java.util.List;

/** An app's effective scaling policy as JSON, durations written as in the manifest, with the overridden fields named. */
public record ScalingView(String app, int minInstances, int maxInstances, int targetConcurrency,
        String scaleToZeroAfter, List<Schedule> schedule, Cpu cpu, boolean predictive, double panicThreshold,
        String stableWindow, String panicWindow, double maxScaleDownRate, String scaleDownDelay, String tick,
        List<String> overridden) {

    /** A schedule entry. */
    public record Schedule(String cron, int minInstances, String duration) {
    }

    /** The CPU rule. */
    public record Cpu(int scaleUpAbove, int scaleDownBelow, String window) {
    }

    static ScalingView of(String app, ScalingPolicy p, List<String> overridden) {
        CpuRule cpu = p.cpu();
        return new ScalingView(app, p.minInstances(), p.maxInstances(), p.targetConcurrency(),
                Durations.format(p.scaleToZeroAfter()),
                p.schedule().stream()
                        .map(e -> new Schedule(e.cron(), e.minInstances(), Durations.format(e.duration()))).toList(),
                cpu == null ? null : new Cpu(cpu.scaleUpAbove(), cpu.scaleDownBelow(), Durations.format(cpu.window())),
                p.predictive(), p.panicThreshold(), Durations.format(p.stableWindow()),
                Durations.format(p.panicWindow()), p.maxScaleDownRate(), Durations.format(p.scaleDownDelay()),
                Durations.format(p.tick()), overridden);
    }
}
