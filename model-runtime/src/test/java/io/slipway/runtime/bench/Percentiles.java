package io.slipway.runtime.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and their percentiles. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples) {
        sorted = samples.clone();
        Arrays.sort(sorted);
    }

    double micros(double percentile) {
        int index = (int) Math.min(sorted.length - 1, Math.round(percentile / 100 * (sorted.length - 1)));
        return sorted[index] / 1000.0;
    }
}
