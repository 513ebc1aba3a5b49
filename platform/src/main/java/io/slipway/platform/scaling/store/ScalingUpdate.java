package io.slipway.platform.scaling.store;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/apps/{app}/scaling}: the fields to override; absent (null) fields keep
 * their current value. Durations are written as in the manifest ({@code 300s}, {@code 10m}); an empty
 * schedule list clears the schedule.
 */
public record ScalingUpdate(Integer minInstances, Integer maxInstances, Integer targetConcurrency,
        String scaleToZeroAfter, Boolean predictive, List<Item> schedule) {

    /** One schedule entry: {@code {"cron": "0 0 8 * * MON-FRI", "minInstances": 3, "duration": "10h"}}. */
    public record Item(String cron, Integer minInstances, String duration) {
    }
}
