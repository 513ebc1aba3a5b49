package io.slipway.buildpacks.manifest;

import java.time.Duration;
import java.util.Objects;

/**
 * How one instance serves requests, {@code serving} in the manifest.
 *
 * @param batching dynamic batching, or null when off (the default)
 * @param workers model worker threads, 1 to 64 (default 1)
 * @param maxConcurrency in-flight requests one instance takes, 1 to 1024 (default 8)
 * @param queueSize requests that may wait beyond those in flight before the instance answers 503,
 * 0 to 10000 (default 64)
 * @param timeout how long a request may take in all, 1s to 10m (default 30s)
 * @param maxRequestBytes the largest request body, 1Ki to 1Gi (default 16Mi); written as a size
 * such as {@code 16Mi}
 */
public record ServingSpec(Batching batching, int workers, int maxConcurrency, int queueSize, Duration timeout,
        long maxRequestBytes) {

    /** Checks the ranges. */
    public ServingSpec {
        Limits.WORKERS.require("workers", workers);
        Limits.MAX_CONCURRENCY.require("maxConcurrency", maxConcurrency);
        Limits.QUEUE_SIZE.require("queueSize", queueSize);
        Limits.TIMEOUT.require("timeout", Objects.requireNonNull(timeout, "timeout"));
        Limits.MAX_REQUEST_BYTES.require("maxRequestBytes", maxRequestBytes);
    }

    /**
     * Returns the settings used when the manifest has no {@code serving} section.
     * @return no batching, 1 worker, 8 concurrent, queue of 64, 30s timeout, 16Mi requests
     */
    public static ServingSpec defaults() {
        return new ServingSpec(null, 1, 8, 64, Duration.ofSeconds(30), 16 * Limits.MI);
    }

}
