package io.slipway.platform.metering;

import io.slipway.platform.web.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.transaction.annotation.Transactional;

/** Usage reports for the API and the dashboard: one way to read a period, a grouping and what is visible. */
public class Usage {

    private final InstanceUsageRepository usages;
    private final UsageReport reports;
    private final BillingProperties billing;
    private final Clock clock;

    Usage(InstanceUsageRepository usages, UsageReport reports, BillingProperties billing, Clock clock) {
        this.usages = usages;
        this.reports = reports;
        this.billing = billing;
        this.clock = clock;
    }

    /**
     * The report for {@code [from, to)} (instants, days or months; this month so far by default),
     * grouped {@code by} app, owner or month, over the lifetimes {@code visible} accepts.
     *
     * @throws BadRequestException naming the parameter that is wrong
     */
    @Transactional(readOnly = true)
    public UsageReport.Report report(String from, String to, String by, Predicate<InstanceUsage> visible) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        UsagePeriod period = UsagePeriod.parse(from, to, now, billing.zone());
        return reports.of(usages.overlapping(period.from(), period.to()), period.from(), period.to(), now,
                groupBy(by), visible);
    }

    /** Whether any lifetime of {@code app} was metered. */
    @Transactional(readOnly = true)
    public boolean metered(String app) {
        return app.length() <= 40 && usages.existsByApp(app);
    }

    static UsageReport.GroupBy groupBy(String by) {
        return switch (by == null ? "app" : by.toLowerCase(Locale.ROOT)) {
            case "app" -> UsageReport.GroupBy.APP;
            case "owner" -> UsageReport.GroupBy.OWNER;
            case "month" -> UsageReport.GroupBy.MONTH;
            default -> throw new BadRequestException("by must be app, owner or month");
        };
    }
}
