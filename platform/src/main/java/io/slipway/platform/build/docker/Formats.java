package io.slipway.platform.build.docker;

import java.util.Locale;

/** How build logs print durations, sizes and image ids. */
final class Formats {

    private Formats() {
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}), e.g. {@code 2.4 s}. */
    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** e.g. {@code 87.3 MB} (10^6 bytes, as {@code docker images} counts). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** The first 12 hex digits of an image id, as {@code docker images} shows it. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
