package io.slipway.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * An app's demand (mean in-flight requests) per bucket (default one minute) over the last five weeks:
 * what the predictive floor forecasts from. Buckets without samples are missing, not zero, so an outage
 * of the metrics does not teach the forecast a false trough.
 */
public final class DemandHistory {

    private final Duration bucket;
    private final long bucketMillis;
    private final int capacity;
    private final long[] index;
    private final double[] sum;
    private final int[] count;
    private final SeasonalForecaster forecaster;
    private long cachedAt = Long.MIN_VALUE;
    private long cachedTo = Long.MIN_VALUE;
    private double cachedPeak;

    /** One-minute buckets, five weeks, one day a season. */
    public DemandHistory() {
        this(Duration.ofMinutes(1), Duration.ofDays(1));
    }

    /**
     * @param bucket the bucket width
     * @param day the length of a day in this history's time (shorter when a simulation compresses time)
     */
    public DemandHistory(Duration bucket, Duration day) {
        this.bucket = bucket;
        this.bucketMillis = bucket.toMillis();
        if (bucketMillis <= 0 || day.toMillis() % bucketMillis != 0) {
            throw new IllegalArgumentException("day must be a whole number of buckets");
        }
        int perDay = (int) (day.toMillis() / bucketMillis);
        this.capacity = perDay * 35;
        this.index = new long[capacity];
        Arrays.fill(index, Long.MIN_VALUE);
        this.sum = new double[capacity];
        this.count = new int[capacity];
        this.forecaster = new SeasonalForecaster(this, perDay);
    }

    /** Adds a sample of demand at a time. */
    public synchronized void add(Instant at, double demand) {
        long i = bucketOf(at);
        int slot = (int) Math.floorMod(i, (long) capacity);
        if (index[slot] != i) {
            index[slot] = i;
            sum[slot] = 0;
            count[slot] = 0;
        }
        sum[slot] += demand;
        count[slot]++;
    }

    /** The mean demand of a bucket, NaN when it has no samples or is older than the history keeps. */
    public synchronized double value(long bucketIndex) {
        int slot = (int) Math.floorMod(bucketIndex, (long) capacity);
        return (index[slot] == bucketIndex && count[slot] > 0) ? sum[slot] / count[slot] : Double.NaN;
    }

    /** The bucket a time falls in. */
    public long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), bucketMillis);
    }

    public Duration bucket() {
        return bucket;
    }

    /** The forecast demand of each bucket from {@code from} over {@code horizon} (NaN where it cannot tell). */
    public synchronized double[] forecast(Instant from, Duration horizon) {
        long first = bucketOf(from);
        int n = (int) Math.max(1, horizon.toMillis() / bucketMillis);
        double[] out = new double[n];
        double level = forecaster.level(first);
        for (int k = 0; k < n; k++) {
            out[k] = forecaster.forecast(first + k, first, level);
        }
        return out;
    }

    /** The highest forecast demand in {@code [from, to]}, 0 when there is no forecast; cached per bucket. */
    public synchronized double peakForecast(Instant from, Instant to) {
        long first = bucketOf(from);
        long last = bucketOf(to);
        if (first == cachedAt && last == cachedTo) {
            return cachedPeak;
        }
        double peak = 0;
        double level = forecaster.level(first);
        for (long b = first; b <= last; b++) {
            double f = forecaster.forecast(b, first, level);
            if (f > peak) {
                peak = f;
            }
        }
        cachedAt = first;
        cachedTo = last;
        cachedPeak = peak;
        return peak;
    }
}
