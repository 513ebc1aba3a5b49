package io.slipway.platform.metering;

import io.slipway.platform.app.AppOwners;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
    private final Usage usage;
    private final AppOwners owners;

    UsageController(InstanceUsageRepository usages, Usage usage, AppOwners owners) {
        this.owners = owners;
        this.usages = usages;
        this.usage = usage;
    }

    @GetMapping("/api/v1/usage")
    ResponseEntity<?> usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "app") String by, @RequestParam(defaultValue = "json") String format) {
        return answer(usage.report(from, to, by, u -> owners.mayUse(u.getOwner())), format, "usage");
    }

    @GetMapping("/api/v1/apps/{app}/usage")
    ResponseEntity<?> appUsage(@PathVariable String app, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "month") String by,
            @RequestParam(defaultValue = "json") String format) {
        requireMetered(app);
        return answer(usage.report(from, to, by, u -> u.getApp().equals(app)), format, "usage-" + app);
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
        if (!usage.metered(app)) {
            throw new NotFoundException("no usage recorded for an app named '" + app.replaceAll("[^\\x20-\\x7e]", "?")
                    + "'");
        }
    }

    private static ResponseEntity<?> answer(UsageReport.Report report, String format, String fileName) {
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
