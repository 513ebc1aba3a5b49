package io.slipway.buildpacks.bundle;

/** Renders byte counts for messages: {@code 2 GiB}, {@code 512 KiB}, {@code 1000 bytes}. */
final class ByteSizes {

    private static final String[] UNITS = { "bytes", "KiB", "MiB", "GiB", "TiB" };

    private ByteSizes() {
    }

    static String format(long bytes) {
        long value = bytes;
        int unit = 0;
        while (value != 0 && value % 1024 == 0 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + " " + UNITS[unit];
    }

}
