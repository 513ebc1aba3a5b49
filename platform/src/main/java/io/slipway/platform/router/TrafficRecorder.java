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
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /** One app's history and meters, found with one map look-up per request. */
    private record AppMeters(AppHistory history, Timer latency, AtomicReferenceArray<Counter> byStatus) {
    }

    private final MeterRegistry registry;
    private final LongSupplier nanos;
    private final Clock clock;
    private final long originNanos;
    private final java.time.Instant originWall;
    private final Map<String, AppMeters> apps = new ConcurrentHashMap<>();

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
        meters(app, now).history().started(now, clock.millis());
        return now;
    }

    /** The request that arrived at {@code startedAt} was answered with {@code status}. */
    public void finished(String app, long startedAt, int status) {
        long now = nanos.getAsLong();
        AppMeters meters = meters(app, now);
        meters.history().finished(now, now - startedAt, status >= 500);
        meters.latency().record(now - startedAt, TimeUnit.NANOSECONDS);
        counter(app, meters, status).increment();
    }

    @Override
    public double averageConcurrency(String app, Duration window) {
        AppHistory history = historyOf(app);
        return history == null ? 0 : history.averageConcurrency(nanos.getAsLong(), window);
    }

    @Override
    public double requestsPerSecond(String app, Duration window) {
        AppHistory history = historyOf(app);
        return history == null ? 0 : history.requestsPerSecond(nanos.getAsLong(), window);
    }

    @Override
    public Latency latency(String app, Duration window) {
        AppHistory history = historyOf(app);
        if (history == null) {
            return new Latency(0, 0, 0);
        }
        double[] p = history.latencyPercentiles(nanos.getAsLong(), window);
        return new Latency(p[0], p[1], p[2]);
    }

    @Override
    public int inFlight(String app) {
        AppHistory history = historyOf(app);
        return history == null ? 0 : history.inFlight();
    }

    @Override
    public long lastRequestAt(String app) {
        AppHistory history = historyOf(app);
        return history == null ? 0 : history.lastRequestAt();
    }

    @Override
    public List<Sample> history(String app) {
        AppHistory history = historyOf(app);
        return history == null ? List.of() : history.history(nanos.getAsLong());
    }

    private AppHistory historyOf(String app) {
        AppMeters meters = apps.get(app);
        return meters == null ? null : meters.history();
    }

    private AppMeters meters(String app, long now) {
        AppMeters meters = apps.get(app);
        return meters != null ? meters : apps.computeIfAbsent(app, a -> register(a, now));
    }

    private AppMeters register(String app, long now) {
        AppHistory h = new AppHistory(BUCKET, BUCKETS, originNanos, originWall, now);
        Gauge.builder("slipway.router.in.flight", h, AppHistory::inFlight).tag("app", app)
                .description("Requests in the router: queued, held for a cold start, or at an instance")
                .register(registry);
        Timer latency = Timer.builder("slipway.router.latency").tag("app", app)
                .description("Time from a request's arrival at the router to its answer")
                .publishPercentileHistogram()
                .register(registry);
        return new AppMeters(h, latency, new AtomicReferenceArray<>(STATUSES));
    }

    private Counter counter(String app, AppMeters meters, int status) {
        int index = status >= 0 && status < STATUSES ? status : 0;
        Counter counter = meters.byStatus().get(index);
        if (counter == null) {
            counter = Counter.builder("slipway.router.requests").tag("app", app).tag("status", Integer.toString(status))
                    .description("Requests answered through the router, by status").register(registry);
            if (index != 0) {
                meters.byStatus().compareAndSet(index, null, counter);
            }
        }
        return counter;
    }

    /** Statuses are kept in an array up to 599; others are looked up in the registry each time. */
    private static final int STATUSES = 600;
}
