package io.slipway.platform.scaling.store;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/apps/{app}/scaling}: the fields to override; absent (null) fields keep
 * their current value. Durations are written as in the manifest ({@code 300s}, {@code 10m}); an empty
 * schedule list clears the schedule.
 */
public record ScalingUpdate(Integer minInstances, Integer maxInstances, Integer targetConcurrency,
        String scaleToZeroAfter, Boolean predictive, List<Item> schedule) {

    /** The fields set, for people: {@code minInstances=2, predictive=true}. */
    public String describe() {
        List<String> set = new java.util.ArrayList<>();
        add(set, "minInstances", minInstances);
        add(set, "maxInstances", maxInstances);
        add(set, "targetConcurrency", targetConcurrency);
        add(set, "scaleToZeroAfter", scaleToZeroAfter);
        add(set, "predictive", predictive);
        add(set, "schedule", schedule == null ? null : schedule.size() + " entr" + (schedule.size() == 1 ? "y" : "ies"));
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
