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
    /** Per bucket, latencies counted in powers of two of 0.25 ms (bin k holds latencies up to 0.25 ms x 2^k). */
    private final int[][] latencyBins;
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
        this.latencyBins = new int[size][BINS];
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
        latencyBins[slot][bin(latency)]++;
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
                    area[slot] / bucketNanos, percentile(latencyBins[slot], 0.50), percentile(latencyBins[slot], 0.90),
                    percentile(latencyBins[slot], 0.99)));
        }
        return samples;
    }

    /** Latency percentiles over the last {@code window}, in milliseconds (upper bounds of their bins). */
    synchronized double[] latencyPercentiles(long now, Duration window) {
        advance(now);
        int[] merged = new int[BINS];
        for (long b = firstBucket(now, window); b <= bucketOf(now); b++) {
            int slot = slot(b);
            for (int k = 0; k < BINS; k++) {
                merged[k] += latencyBins[slot][k];
            }
        }
        return new double[] {percentile(merged, 0.50), percentile(merged, 0.90), percentile(merged, 0.99)};
    }

    private static final int BINS = 24;
    private static final long FIRST_BIN_NANOS = 250_000;

    private static int bin(long latencyNanos) {
        int k = 0;
        long bound = FIRST_BIN_NANOS;
        while (latencyNanos > bound && k < BINS - 1) {
            bound <<= 1;
            k++;
        }
        return k;
    }

    /** The upper bound, in ms, of the bin holding quantile {@code q}; 0 without samples. */
    private static double percentile(int[] bins, double q) {
        long total = 0;
        for (int count : bins) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int k = 0; k < BINS; k++) {
            seen += bins[k];
            if (seen >= rank) {
                return (FIRST_BIN_NANOS << k) / 1e6;
            }
        }
        return (FIRST_BIN_NANOS << (BINS - 1)) / 1e6;
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
            java.util.Arrays.fill(latencyBins[slot], 0);
            area[slot] = 0;
        }
        return slot;
    }

    private int slotIfKept(long b) {
        return slot(b);
    }
}
