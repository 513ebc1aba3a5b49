package io.slipway.buildpacks.manifest;

/**
 * Dynamic batching, {@code serving.batching} in the manifest: requests arriving close together
 * are run through the model as one batch.
 *
 * @param maxBatchSize the most requests in one batch, 1 to 1024 (required)
 * @param maxDelayMs how long the first request of a batch waits for more, 0 to 1000 ms (default 5)
 */
public record Batching(int maxBatchSize, int maxDelayMs) {

    /** The default {@link #maxDelayMs()}. */
    public static final int DEFAULT_MAX_DELAY_MS = 5;

    /** Checks the ranges. */
    public Batching {
        Limits.MAX_BATCH_SIZE.require("maxBatchSize", maxBatchSize);
        Limits.MAX_DELAY_MS.require("maxDelayMs", maxDelayMs);
    }

}
