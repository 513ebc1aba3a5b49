package io.slipway.platform.metrics;

import io.slipway.platform.scaling.Durations;
import io.slipway.platform.web.BadRequestException;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/apps/{app}/metrics?window=15m}: the series the dashboard's charts draw. */
@RestController
class MetricsController {

    static final Duration SHORTEST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofHours(1);

    private final MetricsReader reader;

    MetricsController(MetricsReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/v1/apps/{app}/metrics")
    AppMetrics metrics(@PathVariable String app, @RequestParam(defaultValue = "15m") String window) {
        Duration length;
        try {
            length = Durations.parse("window", window);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw new BadRequestException("window must be 1m to 1h (the router keeps an hour), got " + window);
        }
        return reader.read(app, length);
    }
}
