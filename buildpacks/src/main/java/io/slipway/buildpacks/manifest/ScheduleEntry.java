package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.Objects;

/**
 * A time-based floor on the instance count, one item of {@code scaling.schedule}: from each time
 * {@code cron} fires, at least {@code minInstances} run for {@code duration}.
 *
 * @param cron when the floor starts, in Spring's six-field format
 * ({@code second minute hour day-of-month month day-of-week}, e.g. {@code 0 0 8 * * MON-FRI}) or a
 * macro such as {@code @daily}
 * @param minInstances the floor, 1 to 100 and at most {@code scaling.maxInstances}
 * @param duration how long the floor holds, 1m to 31d
 */
public record ScheduleEntry(String cron, int minInstances, Duration duration) {

    /** Checks the cron expression and the ranges. */
    public ScheduleEntry {
        Objects.requireNonNull(cron, "cron");
        String problem = CronCheck.problem(cron);
        if (problem != null) {
            throw new IllegalArgumentException("cron " + problem);
        }
        Limits.SCHEDULE_MIN_INSTANCES.require("minInstances", minInstances);
        Limits.SCHEDULE_DURATION.require("duration", Objects.requireNonNull(duration, "duration"));
    }

}
