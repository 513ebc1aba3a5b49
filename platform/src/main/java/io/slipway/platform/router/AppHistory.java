package io.slipway.platform.router;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One app's traffic in fixed time buckets (a ring), with in-flight requests integrated over time. */
final class AppHistory {

    private final long bucketNanos;
    private final int size;
    private final long originNanos;
    private final Instant originWall;
    private final long[] index;
    private final long[] requests;
    private final long[] errors;
    private final long[] latencyNanos;
    private final double[] area;
    private int inFlight;
    private long lastChange;
    private volatile long lastRequestAt;

    AppHistory(Duration bucket, int size, long originNanos, Instant originWall, long nowNanos) {
        this.bucketNanos = bucket.toNanos();
        this.size = size;
        this.originNanos = originNanos;
        this.originWall = originWall;
        this.index = new long[size];
        java.util.Arrays.fill(index, -1);
        this.requests = new long[size];
        this.errors = new long[size];
        this.latencyNanos = new long[size];
        this.area = new double[size];
        this.lastChange = nowNanos;
    }

    synchronized void started(long now, long wallMillis) {
        advance(now);
        inFlight++;
        lastRequestAt = wallMillis;
    }

    synchronized void finished(long now, long latency, boolean error) {
        advance(now);
        inFlight--;
        int slot = slot(bucketOf(now));
        requests[slot]++;
        latencyNanos[slot] += latency;
        if (error) {
            errors[slot]++;
        }
    }

    synchronized int inFlight() {
        return inFlight;
    }

    long lastRequestAt() {
        return lastRequestAt;
    }

    synchronized double averageConcurrency(long now, Duration window) {
        advance(now);
        double sum = 0;
        long from = firstBucket(now, window);
        for (long b = from; b <= bucketOf(now); b++) {
            sum += area[slot(b)];
        }
        return sum / covered(now, from);
    }

    synchronized double requestsPerSecond(long now, Duration window) {
        advance(now);
        long sum = 0;
        long from = firstBucket(now, window);
        for (long b = from; b <= bucketOf(now); b++) {
            sum += requests[slot(b)];
        }
        return sum / (covered(now, from) / 1e9);
    }

    synchronized List<AppTraffic.Sample> history(long now) {
        advance(now);
        long current = bucketOf(now);
        List<AppTraffic.Sample> samples = new ArrayList<>();
        for (long b = Math.max(0, current - size + 1); b < current; b++) {
            int slot = slot(b);
            if (index[slot] != b) {
                continue;
            }
            samples.add(new AppTraffic.Sample(originWall.plusNanos(b * bucketNanos), Duration.ofNanos(bucketNanos),
                    requests[slot], errors[slot], requests[slot] == 0 ? 0 : latencyNanos[slot] / 1e6 / requests[slot],
                    area[slot] / bucketNanos));
        }
        return samples;
    }

    /** Adds in-flight x time since the last change to the buckets it spans. */
    private void advance(long now) {
        long t = inFlight == 0 ? now : lastChange;
        while (t < now) {
            long b = bucketOf(t);
            long end = Math.min(now, originNanos + (b + 1) * bucketNanos);
            area[slot(b)] += (double) inFlight * (end - t);
            t = end;
        }
        slot(bucketOf(now));
        lastChange = Math.max(lastChange, now);
    }

    private long firstBucket(long now, Duration window) {
        long from = bucketOf(now - window.toNanos() + 1);
        return Math.max(Math.max(0, from), bucketOf(now) - size + 1);
    }

    private double covered(long now, long fromBucket) {
        return Math.max(1, now - (originNanos + fromBucket * bucketNanos));
    }

    private long bucketOf(long nanos) {
        return Math.max(0, nanos - originNanos) / bucketNanos;
    }

    /** The slot of bucket {@code b}, cleared first if it held an older bucket. */
    private int slot(long b) {
        int slot = (int) (b % size);
        if (index[slot] != b) {
            index[slot] = b;
            requests[slot] = 0;
            errors[slot] = 0;
            latencyNanos[slot] = 0;
            area[slot] = 0;
        }
        return slot;
    }

    private int slotIfKept(long b) {
        return slot(b);
    }
}
