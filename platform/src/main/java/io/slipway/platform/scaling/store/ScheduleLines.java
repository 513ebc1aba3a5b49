package io.slipway.platform.scaling.store;

import io.slipway.buildpacks.manifest.ScheduleEntry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A schedule as stored in {@link ScalingOverride}: one {@code cron<TAB>minInstances<TAB>seconds} line per entry. */
final class ScheduleLines {

    private ScheduleLines() {
    }

    static String format(List<ScheduleEntry> entries) {
        return entries.stream()
                .map(e -> e.cron() + "\t" + e.minInstances() + "\t" + e.duration().toSeconds())
                .collect(Collectors.joining("\n"));
    }

    static List<ScheduleEntry> parse(String lines) {
        return lines.isEmpty() ? List.of() : lines.lines().map(line -> {
            String[] f = line.split("\t");
            return new ScheduleEntry(f[0], Integer.parseInt(f[1]), Duration.ofSeconds(Long.parseLong(f[2])));
        }).toList();
    }
}
