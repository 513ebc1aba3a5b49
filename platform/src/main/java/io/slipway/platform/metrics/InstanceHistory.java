package io.slipway.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each app's ready and desired instance counts over time, in memory, at most {@code keep} back. */
public final class InstanceHistory {

    /** One sample: when, how many instances were in the router, and how many the autoscaler wanted. */
    public record Point(Instant at, int ready, int desired) {
    }

    private final Duration keep;
    private final Map<String, Deque<Point>> apps = new ConcurrentHashMap<>();

    public InstanceHistory(Duration keep) {
        this.keep = keep;
    }

    /** Adds a sample and drops those older than {@code keep} before it. */
    public void record(String app, Point point) {
        Deque<Point> points = apps.computeIfAbsent(app, a -> new ArrayDeque<>());
        synchronized (points) {
            points.addLast(point);
            Instant horizon = point.at().minus(keep);
            while (!points.isEmpty() && points.peekFirst().at().isBefore(horizon)) {
                points.removeFirst();
            }
        }
    }

    /** The samples of {@code app} at or after {@code from}, oldest first. */
    public List<Point> since(String app, Instant from) {
        Deque<Point> points = apps.get(app);
        if (points == null) {
            return List.of();
        }
        synchronized (points) {
            return points.stream().filter(p -> !p.at().isBefore(from)).toList();
        }
    }

    /** Forgets the apps not in {@code known} (deleted ones). */
    public void retain(Collection<String> known) {
        apps.keySet().retainAll(known);
    }
}
