package io.slipway.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Timestamped samples of one metric (e.g. in-flight requests per tick), kept for a retention period, averaged over windows. */
public final class MetricWindow {

    private record Sample(Instant at, double value) {
    }

    private final Duration retention;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Keeps samples for {@code retention}: at least the longest window it is asked about. */
    public MetricWindow(Duration retention) {
        this.retention = retention;
    }

    /** Adds a sample; samples must come in time order. Drops those older than the retention. */
    public synchronized MetricWindow add(Instant at, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("value must be finite and >= 0, got " + value);
        }
        samples.addLast(new Sample(at, value));
        Instant horizon = at.minus(retention);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(horizon)) {
            samples.removeFirst();
        }
        return this;
    }

    /** The mean of the samples in {@code (now - window, now]}, 0 when there are none. */
    public synchronized double average(Duration window, Instant now) {
        Instant from = now.minus(window);
        double sum = 0;
        int n = 0;
        for (var it = samples.descendingIterator(); it.hasNext();) {
            Sample s = it.next();
            if (!s.at().isAfter(from)) {
                break;
            }
            if (!s.at().isAfter(now)) {
                sum += s.value();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Whether samples reach back over the whole window: the oldest one is at or before {@code now - window}. */
    public synchronized boolean covers(Duration window, Instant now) {
        return !samples.isEmpty() && !samples.peekFirst().at().isAfter(now.minus(window));
    }

    /** The number of samples kept. */
    public synchronized int size() {
        return samples.size();
    }
}
