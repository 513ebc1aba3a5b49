package io.slipway.platform.scaling;

import io.slipway.buildpacks.manifest.ScheduleEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.support.CronExpression;

/** The floor that {@code scaling.schedule} puts on an app at a time: an entry holds from each cron fire time for its duration. */
public final class ScheduleFloor {

    /** The highest active entry, or none. */
    public record Active(int minInstances, ScheduleEntry entry) {
    }

    private final ZoneId zone;
    private final Map<String, CronExpression> parsed = new ConcurrentHashMap<>();

    /** @param zone the time zone the cron expressions are read in */
    public ScheduleFloor(ZoneId zone) {
        this.zone = zone;
    }

    /** The highest floor of the entries active at {@code now}, {@code Active(0, null)} when none is. */
    public Active at(List<ScheduleEntry> schedule, Instant now) {
        Active best = new Active(0, null);
        for (ScheduleEntry entry : schedule) {
            if (entry.minInstances() > best.minInstances() && active(entry, now)) {
                best = new Active(entry.minInstances(), entry);
            }
        }
        return best;
    }

    /** Whether a fire time of the entry lies in {@code (now - duration, now]}. */
    public boolean active(ScheduleEntry entry, Instant now) {
        CronExpression cron = parsed.computeIfAbsent(entry.cron(), CronExpression::parse);
        ZonedDateTime start = ZonedDateTime.ofInstant(now.minus(entry.duration()), zone);
        ZonedDateTime fire = cron.next(start);
        return fire != null && !fire.toInstant().isAfter(now);
    }
}
