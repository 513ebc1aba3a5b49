package io.slipway.platform.metering;

import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Usage and cost: {@code GET /api/v1/usage} (every app, grouped by app, owner or month) and
 * {@code GET /api/v1/apps/{app}/usage} (by month), JSON or CSV ({@code format=csv});
 * {@code GET /api/v1/apps/{app}/usage/instances} lists the metered lifetimes themselves.
 */
@RestController
class UsageController {

    private final InstanceUsageRepository usages;
    private final UsageReport reports;
    private final BillingProperties billing;
    private final Clock clock;

    UsageController(InstanceUsageRepository usages, UsageReport reports, BillingProperties billing, Clock clock) {
        this.usages = usages;
        this.reports = reports;
        this.billing = billing;
        this.clock = clock;
    }

    @GetMapping("/api/v1/usage")
    ResponseEntity<?> usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "app") String by, @RequestParam(defaultValue = "json") String format) {
        return report(from, to, by, format, usage -> true, "usage");
    }

    @GetMapping("/api/v1/apps/{app}/usage")
    ResponseEntity<?> appUsage(@PathVariable String app, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String by,
            @RequestParam(defaultValue = "json") String format) {
        requireMetered(app);
        return report(from, to, by, format, usage -> usage.getApp().equals(app), "usage-" + app);
    }

    /** One metered lifetime, as the API shows it. */
    record Lifetime(String instanceId, String app, String owner, int release, double cpus, long memoryBytes,
            Instant startedAt, Instant stoppedAt, Instant lastSeenAt) {
    }

    @GetMapping("/api/v1/apps/{app}/usage/instances")
    List<Lifetime> lifetimes(@PathVariable String app) {
        requireMetered(app);
        return usages.findByAppOrderByStartedAt(app).stream().map(u -> new Lifetime(u.getInstanceId(), u.getApp(),
                u.getOwner(), u.getRelease(), u.getCpus(), u.getMemoryBytes(), u.getStartedAt(), u.getStoppedAt(),
                u.getLastSeenAt())).toList();
    }

    private void requireMetered(String app) {
        if (app.length() > 40 || !usages.existsByApp(app)) {
            throw new NotFoundException("no usage recorded for an app named '" + app.replaceAll("[^\\x20-\\x7e]", "?")
                    + "'");
        }
    }

    private ResponseEntity<?> report(String from, String to, String by, String format,
            Predicate<InstanceUsage> visible, String fileName) {
        Instant now = clock.instant();
        UsagePeriod period = UsagePeriod.parse(from, to, now, billing.zone());
        UsageReport.GroupBy groupBy = switch (by.toLowerCase(Locale.ROOT)) {
            case "app" -> UsageReport.GroupBy.APP;
            case "owner" -> UsageReport.GroupBy.OWNER;
            case "month" -> UsageReport.GroupBy.MONTH;
            default -> throw new BadRequestException("by must be app, owner or month");
        };
        UsageReport.Report report = reports.of(usages.overlapping(period.from(), period.to()), period.from(),
                period.to(), now, groupBy, visible);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok(report);
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
                    .body(UsageCsv.of(report));
            default -> throw new BadRequestException("format must be json or csv");
        };
    }
}
