package io.slipway.runtime.scheduling;

import java.time.Duration;

/**
 * How the scheduler admits, queues and batches requests.
 *
 * @param workers engine threads, each running one (batched) inference at a time
 * @param maxBatchSize the most rows stacked into one engine call; 1 turns batching off
 * @param maxDelay how long a batch waits for more requests that are already on their way
 * @param capacity the most requests admitted at once (running plus waiting); more get 503
 * @param timeout how long a request may take from admission to answer before it gets 504
 */
public record SchedulerSettings(int workers, int maxBatchSize, Duration maxDelay, int capacity, Duration timeout) {

    public SchedulerSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1, got " + maxBatchSize);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public boolean batching() {
        return maxBatchSize > 1;
    }

    public SchedulerSettings withoutBatching() {
        return new SchedulerSettings(workers, 1, Duration.ZERO, capacity, timeout);
    }
}
