package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code scaling} section, checking it against {@code serving.maxConcurrency}. */
final class ScalingSection {

    private final Problems problems;

    ScalingSection(Problems problems) {
        this.problems = problems;
    }

    /**
     * Returns the scaling, or null after reporting problems.
     * @param maxConcurrency {@code serving.maxConcurrency}, or null when it is invalid
     */
    Scaling read(Fields root, Integer maxConcurrency) {
        int defaultTarget = Math.min(Scaling.DEFAULT_TARGET_CONCURRENCY, (maxConcurrency != null) ? maxConcurrency
                : Scaling.DEFAULT_TARGET_CONCURRENCY);
        if (!root.has("scaling")) {
            Scaling defaults = Scaling.defaults();
            return new Scaling(defaults.minInstances(), defaults.maxInstances(), defaultTarget,
                    defaults.scaleToZeroAfter(), List.of(), null, false);
        }
        Fields scaling = root.mapping("scaling", Schema.SCALING);
        if (scaling == null) {
            return null;
        }
        int mark = problems.count();
        Integer min = scaling.integer("minInstances", 1, Limits.MIN_INSTANCES);
        Integer max = scaling.integer("maxInstances", 5, Limits.MAX_INSTANCES);
        if (min != null && max != null && max < min) {
            scaling.problem("maxInstances", "must be >= minInstances (" + min + ")"
                    + (scaling.has("maxInstances") ? "" : "; it defaults to " + max));
        }
        Integer target = scaling.integer("targetConcurrency", defaultTarget, Limits.TARGET_CONCURRENCY);
        if (target != null && maxConcurrency != null && target > maxConcurrency) {
            scaling.problem("targetConcurrency", "must be <= serving.maxConcurrency (" + maxConcurrency + ")");
        }
        Duration scaleToZeroAfter = scaling.duration("scaleToZeroAfter", Duration.ofSeconds(300),
                Limits.SCALE_TO_ZERO_AFTER);
        List<ScheduleEntry> schedule = schedule(scaling, max);
        CpuRule cpu = scaling.has("cpu") ? cpu(scaling.mapping("cpu", Schema.CPU)) : null;
        Boolean predictive = scaling.bool("predictive", false);
        if (problems.count() > mark) {
            return null;
        }
        return new Scaling(min, max, target, scaleToZeroAfter, schedule, cpu, predictive);
    }

    private List<ScheduleEntry> schedule(Fields scaling, Integer maxInstances) {
        List<Node> items = scaling.list("schedule", Limits.MAX_SCHEDULE_ENTRIES, "entries");
        if (items == null) {
            return List.of();
        }
        int mark = problems.count();
        List<ScheduleEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields entry = Fields.of(items.get(i), Fields.index(scaling.path("schedule"), i), problems,
                    Schema.SCHEDULE);
            if (entry == null) {
                continue;
            }
            int entryMark = problems.count();
            String cron = required(entry, "cron") ? entry.text("cron") : null;
            String cronProblem = (cron != null) ? CronCheck.problem(cron) : null;
            if (cronProblem != null) {
                entry.problem("cron", cronProblem);
            }
            Integer min = required(entry, "minInstances")
                    ? entry.integer("minInstances", null, Limits.SCHEDULE_MIN_INSTANCES) : null;
            if (min != null && maxInstances != null && min > maxInstances) {
                entry.problem("minInstances", "must be <= maxInstances (" + maxInstances + ")");
            }
            Duration duration = required(entry, "duration")
                    ? entry.duration("duration", null, Limits.SCHEDULE_DURATION) : null;
            if (problems.count() == entryMark) {
                entries.add(new ScheduleEntry(cron, min, duration));
            }
        }
        return (problems.count() == mark) ? entries : null;
    }

    private static boolean required(Fields fields, String key) {
        if (!fields.has(key)) {
            fields.missing(key);
            return false;
        }
        return true;
    }

    private CpuRule cpu(Fields cpu) {
        if (cpu == null) {
            return null;
        }
        int mark = problems.count();
        CpuRule defaults = CpuRule.defaults();
        Integer up = cpu.integer("scaleUpAbove", defaults.scaleUpAbove(), Limits.CPU_PERCENT);
        Integer down = cpu.integer("scaleDownBelow", defaults.scaleDownBelow(), Limits.CPU_PERCENT);
        if (up != null && down != null && down >= up) {
            cpu.problem("scaleDownBelow", "must be < scaleUpAbove (" + up + ")"
                    + (cpu.has("scaleDownBelow") ? "" : "; it defaults to " + down));
        }
        Duration window = cpu.duration("window", defaults.window(), Limits.CPU_WINDOW);
        return (problems.count() == mark) ? new CpuRule(up, down, window) : null;
    }

}
