package io.slipway.platform.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Usage and cost over a period, grouped by app, owner or month: each lifetime counts for the part
 * of it inside the period (an instance still running counts until now).
 */
public final class UsageReport {

    /** How rows are grouped. */
    public enum GroupBy { APP, OWNER, MONTH }

    /** One group's usage; seconds of instance, of CPU core and of GiB of memory (from limits). */
    public record Row(String key, double instanceSeconds, double cpuSeconds, double gibSeconds, BigDecimal cost) {
    }

    /** The whole report. */
    public record Report(Instant from, Instant to, String groupBy, String currency, Prices prices,
            List<Row> rows, Row total) {
    }

    /** The prices a report was made with, per hour. */
    public record Prices(BigDecimal instanceHour, BigDecimal vcpuHour, BigDecimal gibHour) {
    }

    private static final double GIB = 1024d * 1024 * 1024;

    private final BillingProperties prices;

    public UsageReport(BillingProperties prices) {
        this.prices = prices;
    }

    public Report of(List<InstanceUsage> usages, Instant from, Instant to, Instant now, GroupBy groupBy,
            Predicate<InstanceUsage> visible) {
        Map<String, double[]> sums = new TreeMap<>();
        double[] total = new double[3];
        for (InstanceUsage usage : usages) {
            if (!visible.test(usage)) {
                continue;
            }
            Instant end = usage.getStoppedAt() != null ? usage.getStoppedAt() : now;
            for (Slice slice : slices(usage.getStartedAt(), end, from, to, groupBy == GroupBy.MONTH)) {
                String key = switch (groupBy) {
                    case APP -> usage.getApp();
                    case OWNER -> usage.getOwner() == null ? "(none)" : usage.getOwner();
                    case MONTH -> slice.month();
                };
                double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
                add(sum, usage, slice.seconds());
                add(total, usage, slice.seconds());
            }
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(row(key, sum)));
        return new Report(from, to, groupBy.name().toLowerCase(java.util.Locale.ROOT), prices.currency(),
                new Prices(prices.instanceHour(), prices.vcpuHour(), prices.gibHour()), rows, row("total", total));
    }

    private record Slice(String month, double seconds) {
    }

    /** The part of {@code [start, end)} inside {@code [from, to)}, cut at month boundaries when asked. */
    private List<Slice> slices(Instant start, Instant end, Instant from, Instant to, boolean byMonth) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        if (!a.isBefore(b)) {
            return List.of();
        }
        if (!byMonth) {
            return List.of(new Slice(null, seconds(a, b)));
        }
        ZoneId zone = prices.zone();
        List<Slice> slices = new ArrayList<>();
        YearMonth month = YearMonth.from(a.atZone(zone));
        while (a.isBefore(b)) {
            Instant next = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Instant cut = next.isBefore(b) ? next : b;
            slices.add(new Slice(month.toString(), seconds(a, cut)));
            a = cut;
            month = month.plusMonths(1);
        }
        return slices;
    }

    private static double seconds(Instant a, Instant b) {
        return java.time.Duration.between(a, b).toMillis() / 1000d;
    }

    private static void add(double[] sum, InstanceUsage usage, double seconds) {
        sum[0] += seconds;
        sum[1] += seconds * usage.getCpus();
        sum[2] += seconds * usage.getMemoryBytes() / GIB;
    }

    private Row row(String key, double[] sum) {
        BigDecimal cost = prices.instanceHour().multiply(hours(sum[0]))
                .add(prices.vcpuHour().multiply(hours(sum[1])))
                .add(prices.gibHour().multiply(hours(sum[2])))
                .setScale(4, RoundingMode.HALF_UP);
        return new Row(key, round(sum[0]), round(sum[1]), round(sum[2]), cost);
    }

    private static BigDecimal hours(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 12, RoundingMode.HALF_UP);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000d;
    }
}
