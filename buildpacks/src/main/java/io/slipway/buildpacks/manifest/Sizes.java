package io.slipway.buildpacks.manifest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as written in a manifest, in the style of Kubernetes quantities: a number with an
 * optional binary ({@code Ki Mi Gi Ti Pi Ei}) or decimal ({@code k M G T P E}) suffix, such as
 * {@code 512Mi}, {@code 1Gi}, {@code 1.5G}, {@code 500M} or {@code 1073741824}.
 */
final class Sizes {

    static final String EXPECTED = "expected a size like 512Mi, 1Gi, 500M or a number of bytes";

    private static final Pattern QUANTITY = Pattern.compile("([0-9]{1,19}(?:\\.[0-9]{1,9})?)([KMGTPE]i|[kKMGTPE])?");

    private static final Map<String, Long> FACTORS = Map.ofEntries(Map.entry("Ki", 1L << 10),
            Map.entry("Mi", 1L << 20), Map.entry("Gi", 1L << 30), Map.entry("Ti", 1L << 40),
            Map.entry("Pi", 1L << 50), Map.entry("Ei", 1L << 60), Map.entry("k", 1_000L), Map.entry("K", 1_000L),
            Map.entry("M", 1_000_000L), Map.entry("G", 1_000_000_000L), Map.entry("T", 1_000_000_000_000L),
            Map.entry("P", 1_000_000_000_000_000L), Map.entry("E", 1_000_000_000_000_000_000L));

    private static final String[] BINARY = { "Ei", "Pi", "Ti", "Gi", "Mi", "Ki" };

    private Sizes() {
    }

    /** Parses a size in bytes (rounded up to a whole byte), or returns null when it is not one or too large. */
    static Long parse(String text) {
        Matcher matcher = QUANTITY.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        long factor = matcher.group(2) == null ? 1 : FACTORS.get(matcher.group(2));
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor))
                .setScale(0, RoundingMode.CEILING);
        return bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null : bytes.longValueExact();
    }

    /** Formats a size in its largest whole binary unit ({@code 16Mi}), or in bytes. */
    static String format(long bytes) {
        for (String unit : BINARY) {
            long factor = FACTORS.get(unit);
            if (bytes != 0 && bytes % factor == 0) {
                return (bytes / factor) + unit;
            }
        }
        return String.valueOf(bytes);
    }

}
