package io.slipway.platform.metrics;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppService;
import io.slipway.platform.router.AppTraffic;
import io.slipway.platform.router.TrafficRecorder;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.store.ScalingEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Puts one app's series together from the router's history, the instance history and the scaling events. */
@Component
public class MetricsReader {

    private static final Duration RECENT = Duration.ofSeconds(10);

    private final AppService apps;
    private final AppTraffic traffic;
    private final InstanceHistory instances;
    private final InstanceSampler sampler;
    private final ScalingEvents events;
    private final Clock clock;

    public MetricsReader(AppService apps, AppTraffic traffic, InstanceHistory instances, InstanceSampler sampler,
            ScalingEvents events, Clock clock) {
        this.apps = apps;
        this.traffic = traffic;
        this.instances = instances;
        this.sampler = sampler;
        this.events = events;
        this.clock = clock;
    }

    /** The series of the last {@code window} (at most the hour the router keeps); 404 for an unknown app. */
    public AppMetrics read(String name, Duration window) {
        App app = apps.get(name);
        Instant to = clock.instant();
        Instant from = to.minus(window);
        List<AppTraffic.Sample> history = traffic.history(name);
        InstanceHistory.Point live = sampler.now(app, to);
        List<InstanceHistory.Point> points = new ArrayList<>(instances.since(name, from));
        points.add(live);
        List<AppMetrics.Event> marks = events.latest(name, ScalingEvents.MAX_LIMIT).stream()
                .filter(e -> !e.getAt().isBefore(from))
                .map(e -> new AppMetrics.Event(e.getAt(), e.getAt().toEpochMilli(), e.getFromInstances(),
                        e.getToInstances(), e.getReason()))
                .sorted(Comparator.comparing(AppMetrics.Event::at)).toList();
        AppTraffic.Latency latency = traffic.latency(name, Duration.ofMinutes(1));
        AppMetrics.Now now = new AppMetrics.Now(traffic.requestsPerSecond(name, RECENT), recentErrors(history, to),
                latency.p50Millis(), latency.p99Millis(), live.ready(), live.desired());
        return new AppMetrics(name, Durations.format(window), Durations.format(step(history)), from, to,
                traffic(history, from, to), new AppMetrics.Instances(points.stream().map(p -> p.at().toEpochMilli())
                        .toList(), points.stream().map(InstanceHistory.Point::ready).toList(),
                        points.stream().map(InstanceHistory.Point::desired).toList()),
                marks, now);
    }

    /**
     * One point per bucket from {@code from} (or the router's first kept bucket, if later) to the last complete
     * one; buckets the router skipped in between (no traffic) are zeros.
     */
    static AppMetrics.Traffic traffic(List<AppTraffic.Sample> history, Instant from, Instant to) {
        List<Long> t = new ArrayList<>();
        List<Double> rps = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        if (history.isEmpty()) {
            return new AppMetrics.Traffic(t, rps, errors, p50, p99);
        }
        long step = history.get(0).length().toMillis();
        Map<Long, AppTraffic.Sample> byStart = history.stream()
                .collect(Collectors.toMap(s -> s.start().toEpochMilli(), Function.identity(), (a, b) -> b));
        long anchor = history.get(0).start().toEpochMilli();
        // from the window's start, but not before the first bucket the router kept: nothing is known before it
        long first = Math.max(anchor, anchor + Math.floorDiv(from.toEpochMilli() - anchor + step - 1, step) * step);
        for (long start = first; start + step <= to.toEpochMilli(); start += step) {
            AppTraffic.Sample s = byStart.get(start);
            double seconds = step / 1000.0;
            t.add(start);
            rps.add(s == null ? 0 : s.requests() / seconds);
            errors.add(s == null ? 0 : s.errors() / seconds);
            p50.add(s == null || s.requests() == 0 ? null : s.p50Millis());
            p99.add(s == null || s.requests() == 0 ? null : s.p99Millis());
        }
        return new AppMetrics.Traffic(t, rps, errors, p50, p99);
    }

    private static double recentErrors(List<AppTraffic.Sample> history, Instant to) {
        Instant from = to.minus(RECENT);
        long errors = history.stream().filter(s -> !s.start().isBefore(from)).mapToLong(AppTraffic.Sample::errors)
                .sum();
        return errors / (double) RECENT.toSeconds();
    }

    private static Duration step(List<AppTraffic.Sample> history) {
        return history.isEmpty() ? TrafficRecorder.BUCKET : history.get(0).length();
    }
}
