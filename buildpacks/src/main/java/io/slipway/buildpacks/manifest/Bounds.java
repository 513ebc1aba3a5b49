package io.slipway.buildpacks.manifest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

/**
 * An inclusive range of allowed values and how to show them, so the parser's problems and the
 * records' constructor checks describe a limit the same way.
 */
record Bounds<T extends Comparable<? super T>>(T min, T max, Function<T, String> format) {

    static Bounds<Integer> ints(int min, int max) {
        return new Bounds<>(min, max, String::valueOf);
    }

    static Bounds<Long> sizes(long min, long max) {
        return new Bounds<>(min, max, Sizes::format);
    }

    static Bounds<Duration> durations(Duration min, Duration max) {
        return new Bounds<>(min, max, Durations::format);
    }

    static Bounds<Double> numbers(double min, double max) {
        return new Bounds<>(min, max, Bounds::formatNumber);
    }

    static String formatNumber(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    boolean contains(T value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** The message for a value outside the range, e.g. {@code must be between 1 and 64, got 0}. */
    String outside(String got) {
        return "must be between " + format.apply(min) + " and " + format.apply(max) + ", got " + got;
    }

    T require(String field, T value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(field + " " + outside(format.apply(value)));
        }
        return value;
    }

}
