package io.slipway.platform.dashboard;

import java.util.List;

/** A text field of the scaling page: its name (the form control and the error key), label and hint. */
public record ScalingPageField(String name, String label, String hint, boolean numeric) {

    static final List<ScalingPageField> MAIN = List.of(
            new ScalingPageField("minInstances", "Minimum instances", "0 to 100; 0 allows scale-to-zero", true),
            new ScalingPageField("maxInstances", "Maximum instances", "1 to 100, at least the minimum", true),
            new ScalingPageField("targetConcurrency", "Target concurrency per instance",
                    "in-flight requests per instance the autoscaler aims for", true),
            new ScalingPageField("scaleToZeroAfter", "Scale to zero after (idle)",
                    "a duration such as 300s, 10m or 1h; applies when the minimum is 0", false));

    static final List<ScalingPageField> TUNING = List.of(
            new ScalingPageField("stableWindow", "Stable window",
                    "demand is averaged over this window (at most 5m)", false),
            new ScalingPageField("panicWindow", "Panic window",
                    "a burst over this short window scales up at once; at most the stable window", false),
            new ScalingPageField("maxScaleDownRate", "Scale-down rate",
                    "at most divide the instances by this per decision (2 = at most halve); above 1", true),
            new ScalingPageField("scaleDownDelay", "Scale-down delay",
                    "scale in only after fewer instances were wanted this long (0s = at once)", false),
            new ScalingPageField("cpuScaleUpAbove", "CPU: scale up above (%)",
                    "add an instance when the average CPU is above this; blank for no CPU rule", true),
            new ScalingPageField("cpuScaleDownBelow", "CPU: scale down below (%)",
                    "remove one when below this; lower than the scale-up threshold", true),
            new ScalingPageField("cpuWindow", "CPU window", "the CPU average's window, 10s to 1h", false));
}
