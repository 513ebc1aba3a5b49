package io.slipway.runtime.tensor;

import java.util.Arrays;

/** Small helpers for tensor shapes, where -1 marks a dimension of any size. */
public final class Shapes {

    private Shapes() {
    }

    /** The number of elements of a concrete shape; an empty shape is a scalar with one element. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + format(shape) + " has a negative dimension");
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    /** Whether a concrete shape fits a declared one (same rank, fixed dimensions equal). */
    public static boolean matches(long[] declared, long[] actual) {
        if (declared.length != actual.length) {
            return false;
        }
        for (int i = 0; i < declared.length; i++) {
            if (declared[i] >= 0 && declared[i] != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first dimension of a declared shape is open, so rows of requests can be stacked. */
    public static boolean isBatchable(long[] declared) {
        return declared.length > 0 && declared[0] < 0;
    }

    /** The shape with every open dimension set to {@code size}. */
    public static long[] concrete(long[] declared, long size) {
        long[] result = declared.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] < 0) {
                result[i] = size;
            }
        }
        return result;
    }

    public static String format(long[] shape) {
        return Arrays.toString(shape).replace(" ", "");
    }
}
