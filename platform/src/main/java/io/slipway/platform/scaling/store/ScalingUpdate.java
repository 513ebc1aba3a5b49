package io.slipway.platform.scaling.store;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/apps/{app}/scaling}: the fields to override; absent (null) fields keep
 * their current value. Durations are written as in the manifest ({@code 300s}, {@code 10m}); an empty
 * schedule list clears the schedule. Besides the manifest's fields, the autoscaler's tuning
 * ({@code stableWindow}, {@code panicWindow}, {@code maxScaleDownRate}, {@code scaleDownDelay}) and the CPU
 * rule's fields ({@code cpu}) can be overridden too.
 */
public record ScalingUpdate(Integer minInstances, Integer maxInstances, Integer targetConcurrency,
        String scaleToZeroAfter, Boolean predictive, List<Item> schedule, String stableWindow, String panicWindow,
        Double maxScaleDownRate, String scaleDownDelay, Cpu cpu) {

    /** An update of the manifest's fields only. */
    public ScalingUpdate(Integer minInstances, Integer maxInstances, Integer targetConcurrency,
            String scaleToZeroAfter, Boolean predictive, List<Item> schedule) {
        this(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, predictive, schedule, null, null, null,
                null, null);
    }

    /**
     * CPU rule fields to override: {@code {"scaleUpAbove": 70}}; absent ones keep the manifest's rule, or the
     * defaults (80, 20, 10m) when the manifest has none. {@code {"enabled": false}} switches the rule off (the
     * manifest's too); any other CPU update, or {@code {"enabled": true}}, switches it on.
     */
    public record Cpu(Integer scaleUpAbove, Integer scaleDownBelow, String window, Boolean enabled) {

        /** A threshold or window change; the rule is on. */
        public Cpu(Integer scaleUpAbove, Integer scaleDownBelow, String window) {
            this(scaleUpAbove, scaleDownBelow, window, null);
        }
    }

    /** The fields set, for people: {@code minInstances=2, predictive=true}. */
    public String describe() {
        List<String> set = new java.util.ArrayList<>();
        add(set, "minInstances", minInstances);
        add(set, "maxInstances", maxInstances);
        add(set, "targetConcurrency", targetConcurrency);
        add(set, "scaleToZeroAfter", scaleToZeroAfter);
        add(set, "predictive", predictive);
        add(set, "schedule", schedule == null ? null : schedule.size() + " entr" + (schedule.size() == 1 ? "y" : "ies"));
        add(set, "stableWindow", stableWindow);
        add(set, "panicWindow", panicWindow);
        add(set, "maxScaleDownRate", maxScaleDownRate);
        add(set, "scaleDownDelay", scaleDownDelay);
        add(set, "cpu", cpu);
        return set.isEmpty() ? "nothing changed" : String.join(", ", set);
    }

    private static void add(List<String> set, String name, Object value) {
        if (value != null) {
            set.add(name + "=" + value);
        }
    }

    /** One schedule entry: {@code {"cron": "0 0 8 * * MON-FRI", "minInstances": 3, "duration": "10h"}}. */
    public record Item(String cron, Integer minInstances, String duration) {
    }
}
