package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.regex.Pattern;

/** Every bound a manifest value must respect: the one place the parser and the records read them from. */
final class Limits {

    static final long KI = 1024;
    static final long MI = KI * 1024;
    static final long GI = MI * 1024;

    static final Pattern APP_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
    static final Pattern MODEL_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}");
    static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final Bounds<Integer> ECHO_DELAY_MS = Bounds.ints(0, 60_000);
    static final int MAX_TENSORS = 256;
    static final int MAX_DIMENSIONS = 8;

    static final Bounds<Integer> WORKERS = Bounds.ints(1, 64);
    static final Bounds<Integer> MAX_CONCURRENCY = Bounds.ints(1, 1024);
    static final Bounds<Integer> QUEUE_SIZE = Bounds.ints(0, 10_000);
    static final Bounds<Duration> TIMEOUT = Bounds.durations(Duration.ofSeconds(1), Duration.ofMinutes(10));
    static final Bounds<Long> MAX_REQUEST_BYTES = Bounds.sizes(KI, GI);
    static final Bounds<Integer> MAX_BATCH_SIZE = Bounds.ints(1, 1024);
    static final Bounds<Integer> MAX_DELAY_MS = Bounds.ints(0, 1000);

    static final Bounds<Double> CPU = Bounds.numbers(0.1, 64);
    static final Bounds<Long> MEMORY = Bounds.sizes(64 * MI, 1024 * GI);

    static final Bounds<Integer> MIN_INSTANCES = Bounds.ints(0, 100);
    static final Bounds<Integer> MAX_INSTANCES = Bounds.ints(1, 100);
    static final Bounds<Integer> TARGET_CONCURRENCY = Bounds.ints(1, 1000);
    static final Bounds<Duration> SCALE_TO_ZERO_AFTER = Bounds.durations(Duration.ofSeconds(1), Duration.ofDays(7));
    static final int MAX_SCHEDULE_ENTRIES = 50;
    static final Bounds<Integer> SCHEDULE_MIN_INSTANCES = Bounds.ints(1, 100);
    static final Bounds<Duration> SCHEDULE_DURATION = Bounds.durations(Duration.ofMinutes(1), Duration.ofDays(31));
    static final int MAX_CRON_LENGTH = 200;
    static final Bounds<Integer> CPU_PERCENT = Bounds.ints(1, 100);
    static final Bounds<Duration> CPU_WINDOW = Bounds.durations(Duration.ofSeconds(10), Duration.ofHours(1));

    static final int MAX_ENV_ENTRIES = 200;
    static final int MAX_ENV_VALUE_BYTES = 32 * 1024;

    /** Largest manifest, in code points when parsed and in bytes when read from a bundle. */
    static final int MAX_MANIFEST_SIZE = 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 20;
    static final int MAX_ALIASES = 10;
    static final long MAX_LABELS_BYTES = 16 * MI;

    private Limits() {
    }

}
