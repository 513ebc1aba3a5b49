package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.CpuRule;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import io.slipway.platform.scaling.store.ScalingUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaling page's form as typed: every field a string, so a rejected save shows exactly what the user
 * wrote. Schedule rows come as three parallel lists ({@code scheduleCron}, {@code scheduleMin},
 * {@code scheduleDuration}).
 */
public record ScalingPageForm(String minInstances, String maxInstances, String targetConcurrency,
        String scaleToZeroAfter, Boolean predictive, List<String> scheduleCron, List<String> scheduleMin,
        List<String> scheduleDuration, String stableWindow, String panicWindow, String maxScaleDownRate,
        String scaleDownDelay, String cpuScaleUpAbove, String cpuScaleDownBelow, String cpuWindow) {

    /** One schedule row as typed. */
    public record Row(String cron, String minInstances, String duration) {
    }

    /** What the form asks for: the fields that differ from the current policy, and the ones that are not even numbers. */
    record Parsed(ScalingUpdate update, Map<String, String> errors) {
    }

    public ScalingPageForm {
        scheduleCron = scheduleCron == null ? List.of() : List.copyOf(scheduleCron);
        scheduleMin = scheduleMin == null ? List.of() : List.copyOf(scheduleMin);
        scheduleDuration = scheduleDuration == null ? List.of() : List.copyOf(scheduleDuration);
    }

    /** The form showing a policy. */
    static ScalingPageForm of(ScalingPolicy p) {
        CpuRule cpu = p.cpu();
        return new ScalingPageForm(Integer.toString(p.minInstances()), Integer.toString(p.maxInstances()),
                Integer.toString(p.targetConcurrency()), Durations.format(p.scaleToZeroAfter()), p.predictive(),
                p.schedule().stream().map(ScheduleEntry::cron).toList(),
                p.schedule().stream().map(e -> Integer.toString(e.minInstances())).toList(),
                p.schedule().stream().map(e -> Durations.format(e.duration())).toList(),
                Durations.format(p.stableWindow()), Durations.format(p.panicWindow()), rate(p.maxScaleDownRate()),
                Durations.format(p.scaleDownDelay()), cpu == null ? "" : Integer.toString(cpu.scaleUpAbove()),
                cpu == null ? "" : Integer.toString(cpu.scaleDownBelow()),
                cpu == null ? "" : Durations.format(cpu.window()));
    }

    /** A text field by name, for the template. */
    public String value(String name) {
        return switch (name) {
            case "minInstances" -> minInstances;
            case "maxInstances" -> maxInstances;
            case "targetConcurrency" -> targetConcurrency;
            case "scaleToZeroAfter" -> scaleToZeroAfter;
            case "stableWindow" -> stableWindow;
            case "panicWindow" -> panicWindow;
            case "maxScaleDownRate" -> maxScaleDownRate;
            case "scaleDownDelay" -> scaleDownDelay;
            case "cpuScaleUpAbove" -> cpuScaleUpAbove;
            case "cpuScaleDownBelow" -> cpuScaleDownBelow;
            case "cpuWindow" -> cpuWindow;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }

    /** The schedule rows, padded so the three lists line up. */
    public List<Row> rows() {
        int n = Math.max(scheduleCron.size(), Math.max(scheduleMin.size(), scheduleDuration.size()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(at(scheduleCron, i), at(scheduleMin, i), at(scheduleDuration, i)));
        }
        return rows;
    }

    /** This form with one more, empty, schedule row. */
    ScalingPageForm withRow() {
        List<Row> rows = new ArrayList<>(rows());
        rows.add(new Row("", "", ""));
        return withRows(rows);
    }

    /** This form without schedule row {@code index}. */
    ScalingPageForm withoutRow(int index) {
        List<Row> rows = new ArrayList<>(rows());
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        return withRows(rows);
    }

    /**
     * The update to send: only the fields that differ from {@code current}, so saving an untouched form
     * pins nothing over the manifest. Numbers that do not parse are errors here; every rule on the values
     * is left to the scaling service.
     */
    Parsed parse(ScalingPolicy current) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer min = changed(number("minInstances", minInstances, errors), current.minInstances());
        Integer max = changed(number("maxInstances", maxInstances, errors), current.maxInstances());
        Integer target = changed(number("targetConcurrency", targetConcurrency, errors), current.targetConcurrency());
        String idle = changed(scaleToZeroAfter, current.scaleToZeroAfter());
        boolean on = Boolean.TRUE.equals(predictive); // an unticked checkbox sends nothing
        Boolean forecast = on != current.predictive() ? on : null;
        List<ScalingUpdate.Item> items = new ArrayList<>();
        List<Row> rows = rows().stream().filter(r -> !(blank(r.cron()) && blank(r.minInstances())
                && blank(r.duration()))).toList();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            items.add(new ScalingUpdate.Item(text(r.cron()),
                    number("schedule[" + i + "].minInstances", r.minInstances(), errors), text(r.duration())));
        }
        List<ScalingUpdate.Item> schedule = items.equals(of(current).items()) ? null : items;
        Double rate = changed(decimal("maxScaleDownRate", maxScaleDownRate, errors), current.maxScaleDownRate());
        return new Parsed(new ScalingUpdate(min, max, target, idle, forecast, schedule,
                changed(stableWindow, current.stableWindow()), changed(panicWindow, current.panicWindow()), rate,
                changed(scaleDownDelay, current.scaleDownDelay()), cpu(current.cpu(), errors)), errors);
    }

    /** The CPU fields that differ from the current rule; all blank means no rule (none is added). */
    private ScalingUpdate.Cpu cpu(CpuRule current, Map<String, String> errors) {
        if (current == null && blank(cpuScaleUpAbove) && blank(cpuScaleDownBelow) && blank(cpuWindow)) {
            return null;
        }
        CpuRule from = current == null ? CpuRule.defaults() : current;
        Integer up = blank(cpuScaleUpAbove) ? null
                : changed(number("cpuScaleUpAbove", cpuScaleUpAbove, errors), current == null ? -1 : from.scaleUpAbove());
        Integer down = blank(cpuScaleDownBelow) ? null : changed(number("cpuScaleDownBelow", cpuScaleDownBelow, errors),
                current == null ? -1 : from.scaleDownBelow());
        String window = blank(cpuWindow) ? null : current == null ? text(cpuWindow) : changed(cpuWindow, from.window());
        return up == null && down == null && window == null ? null : new ScalingUpdate.Cpu(up, down, window);
    }

    private List<ScalingUpdate.Item> items() {
        return rows().stream().map(r -> new ScalingUpdate.Item(r.cron(), Integer.valueOf(r.minInstances()),
                r.duration())).toList();
    }

    private ScalingPageForm withRows(List<Row> rows) {
        return new ScalingPageForm(minInstances, maxInstances, targetConcurrency, scaleToZeroAfter, predictive,
                rows.stream().map(Row::cron).toList(), rows.stream().map(Row::minInstances).toList(),
                rows.stream().map(Row::duration).toList(), stableWindow, panicWindow, maxScaleDownRate,
                scaleDownDelay, cpuScaleUpAbove, cpuScaleDownBelow, cpuWindow);
    }

    private static Integer number(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            errors.put(field, field + " is required");
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, field + " must be a whole number, got '" + text.trim() + "'");
            return null;
        }
    }

    private static Double decimal(String field, String text, Map<String, String> errors) {
        if (blank(text)) {
            errors.put(field, field + " is required");
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.put(field, field + " must be a number, got '" + text.trim() + "'");
            return null;
        }
    }

    private static <T> T changed(T value, T current) {
        return value == null || value.equals(current) ? null : value;
    }

    /** The text when it is not the same duration as {@code current}; what is wrong with it is the service's to say. */
    private static String changed(String text, Duration current) {
        try {
            return Durations.parse("field", text).equals(current) ? null : text.trim();
        } catch (IllegalArgumentException e) {
            return text == null ? "" : text.trim();
        }
    }

    private static String rate(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String text(String s) {
        return s == null ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : "";
    }
}
