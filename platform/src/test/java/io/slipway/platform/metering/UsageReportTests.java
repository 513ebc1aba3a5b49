package io.slipway.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageReportTests {

    static final long GIB = 1024L * 1024 * 1024;
    final BillingProperties prices = new BillingProperties("EUR", new BigDecimal("0.10"), new BigDecimal("0.20"),
            new BigDecimal("0.01"), ZoneOffset.UTC, Duration.ofSeconds(5));
    final UsageReport report = new UsageReport(prices);

    static InstanceUsage usage(String id, String app, String owner, double cpus, long memory, String start,
            String stop) {
        InstanceUsage usage = new InstanceUsage(id, app, owner, 1, cpus, memory, Instant.parse(start));
        if (stop != null) {
            usage.stop(Instant.parse(stop));
        }
        return usage;
    }

    @Test
    void costIsInstanceCpuAndMemoryHoursAtTheirPrices() {
        List<InstanceUsage> usages = List.of(usage("a-1", "iris", "ann", 2, 4 * GIB,
                "2026-11-02T10:00:00Z", "2026-11-02T13:00:00Z"));

        UsageReport.Report r = report.of(usages, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z"),
                UsageReport.GroupBy.APP, u -> true);

        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("iris");
            assertThat(row.instanceSeconds()).isEqualTo(3 * 3600);
            assertThat(row.cpuSeconds()).isEqualTo(6 * 3600);
            assertThat(row.gibSeconds()).isEqualTo(12 * 3600);
            // 3 h x 0.10 + 6 vCPU-h x 0.20 + 12 GiB-h x 0.01
            assertThat(row.cost()).isEqualByComparingTo("1.62");
        });
        assertThat(r.currency()).isEqualTo("EUR");
    }

    @Test
    void onlyThePartInsideThePeriodCountsAndRunningInstancesCountUntilNow() {
        List<InstanceUsage> usages = List.of(
                usage("a-1", "iris", "ann", 1, GIB, "2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"),
                usage("a-2", "iris", "ann", 1, GIB, "2026-11-28T23:00:00Z", null));

        UsageReport.Report r = report.of(usages, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-11-29T00:30:00Z"),
                UsageReport.GroupBy.APP, u -> true);

        assertThat(r.total().instanceSeconds()).isEqualTo(3600 + 5400);
    }

    @Test
    void groupingByMonthCutsLifetimesAtMonthBoundaries() {
        List<InstanceUsage> usages = List.of(
                usage("a-1", "iris", "ann", 0.5, GIB / 2, "2026-10-31T22:00:00Z", "2026-11-01T03:00:00Z"));

        UsageReport.Report r = report.of(usages, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z"),
                UsageReport.GroupBy.MONTH, u -> true);

        assertThat(r.rows()).extracting(UsageReport.Row::key).containsExactly("2026-10", "2026-11");
        assertThat(r.rows().get(0).instanceSeconds()).isEqualTo(2 * 3600);
        assertThat(r.rows().get(1).instanceSeconds()).isEqualTo(3 * 3600);
        assertThat(r.rows().get(1).cpuSeconds()).isEqualTo(1.5 * 3600);
        assertThat(r.total().instanceSeconds()).isEqualTo(5 * 3600);
    }

    @Test
    void groupingByOwnerSumsTheirAppsAndHidesWhatIsNotVisible() {
        List<InstanceUsage> usages = List.of(
                usage("a-1", "iris", "ann", 1, GIB, "2026-11-02T10:00:00Z", "2026-11-02T11:00:00Z"),
                usage("b-1", "digits", "ann", 1, GIB, "2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"),
                usage("c-1", "other", "bob", 1, GIB, "2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"));

        UsageReport.Report r = report.of(usages, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-11-29T00:00:00Z"),
                UsageReport.GroupBy.OWNER, u -> u.getOwner().equals("ann"));

        assertThat(r.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("ann");
            assertThat(row.instanceSeconds()).isCloseTo(3 * 3600, within(0.001));
        });
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() {
        assertThat(UsageCsv.field("iris")).isEqualTo("iris");
        assertThat(UsageCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(UsageCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        UsageReport.Report r = report.of(List.of(usage("a-1", "iris", "ann", 1, GIB, "2026-11-02T10:00:00Z",
                "2026-11-02T11:00:00Z")), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-11-29T00:00:00Z"), UsageReport.GroupBy.APP, u -> true);
        assertThat(UsageCsv.of(r)).isEqualTo("app,from,to,instance_seconds,cpu_seconds,gib_seconds,cost,currency\r\n"
                + "iris,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,3600.0,3600.0,3600.0,0.3100,EUR\r\n"
                + "total,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,3600.0,3600.0,3600.0,0.3100,EUR\r\n");
    }
}
