package io.slipway.platform.router;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Records each routed request: Micrometer meters per app ({@code slipway.router.requests} by
 * status, {@code slipway.router.latency} as a histogram, so p50/p90/p99 come from
 * {@code histogram_quantile}, {@code slipway.router.in.flight}) and
 * a ring of 2-second buckets covering the last hour, read through {@link AppTraffic}.
 */
public final class TrafficRecorder implements AppTraffic {

    /** The history's bucket length. */
    public static final Duration BUCKET = Duration.ofSeconds(2);

    /** How many buckets are kept: one hour. */
    public static final int BUCKETS = 1800;

    private final MeterRegistry registry;
    private final LongSupplier nanos;
    private final Clock clock;
    private final long originNanos;
    private final java.time.Instant originWall;
    private final Map<String, AppHistory> apps = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public TrafficRecorder(MeterRegistry registry, LongSupplier nanos, Clock clock) {
        this.registry = registry;
        this.nanos = nanos;
        this.clock = clock;
        this.originNanos = nanos.getAsLong();
        this.originWall = clock.instant();
    }

    /** A request for {@code app} arrived; returns the arrival time to hand back to {@link #finished}. */
    public long started(String app) {
        long now = nanos.getAsLong();
        history(app, now).started(now, clock.millis());
        return now;
    }

    /** The request that arrived at {@code startedAt} was answered with {@code status}. */
    public void finished(String app, long startedAt, int status) {
        long now = nanos.getAsLong();
        history(app, now).finished(now, now - startedAt, status >= 500);
        timers.computeIfAbsent(app, a -> Timer.builder("slipway.router.latency").tag("app", a)
                .description("Time from a request's arrival at the router to its answer")
                .publishPercentileHistogram()
                .register(registry)).record(now - startedAt, TimeUnit.NANOSECONDS);
        counters.computeIfAbsent(app + " " + status, k -> Counter.builder("slipway.router.requests")
                .tag("app", app).tag("status", Integer.toString(status))
                .description("Requests answered through the router, by status").register(registry)).increment();
    }

    @Override
    public double averageConcurrency(String app, Duration window) {
        AppHistory history = apps.get(app);
        return history == null ? 0 : history.averageConcurrency(nanos.getAsLong(), window);
    }

    @Override
    public double requestsPerSecond(String app, Duration window) {
        AppHistory history = apps.get(app);
        return history == null ? 0 : history.requestsPerSecond(nanos.getAsLong(), window);
    }

    @Override
    public Latency latency(String app, Duration window) {
        AppHistory history = apps.get(app);
        if (history == null) {
            return new Latency(0, 0, 0);
        }
        double[] p = history.latencyPercentiles(nanos.getAsLong(), window);
        return new Latency(p[0], p[1], p[2]);
    }

    @Override
    public int inFlight(String app) {
        AppHistory history = apps.get(app);
        return history == null ? 0 : history.inFlight();
    }

    @Override
    public long lastRequestAt(String app) {
        AppHistory history = apps.get(app);
        return history == null ? 0 : history.lastRequestAt();
    }

    @Override
    public List<Sample> history(String app) {
        AppHistory history = apps.get(app);
        return history == null ? List.of() : history.history(nanos.getAsLong());
    }

    private AppHistory history(String app, long now) {
        return apps.computeIfAbsent(app, a -> {
            AppHistory h = new AppHistory(BUCKET, BUCKETS, originNanos, originWall, now);
            Gauge.builder("slipway.router.in.flight", h, AppHistory::inFlight).tag("app", a)
                    .description("Requests in the router: queued, held for a cold start, or at an instance")
                    .register(registry);
            return h;
        });
    }
}
