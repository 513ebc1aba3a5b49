package io.slipway.platform.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances of each app that a reconciler pass started or found running but not yet ready.
 * A request waiting for an app with no ready instance watches them closely: each is asked
 * whether it is ready every few milliseconds, without listing the backend's instances, so the
 * request is forwarded within milliseconds of the instance answering ready.
 */
final class StartingInstances {

    private final Readiness readiness;
    private final Duration poll;
    private final Map<String, List<Instance>> starting = new ConcurrentHashMap<>();

    StartingInstances(Readiness readiness, Duration poll) {
        this.readiness = readiness;
        this.poll = poll;
    }

    /** The app's starting instances, as the last pass over it saw them. */
    void set(String app, List<Instance> instances) {
        if (instances.isEmpty()) {
            starting.remove(app);
        } else {
            starting.put(app, List.copyOf(instances));
        }
    }

    /**
     * Waits up to {@code max} for one of the app's starting instances to answer ready.
     *
     * @return that instance; empty at once when none is starting, or when none answered in time
     */
    Optional<Instance> awaitReady(String app, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            List<Instance> instances = starting.getOrDefault(app, List.of());
            if (instances.isEmpty()) {
                return Optional.empty();
            }
            for (Instance instance : instances) {
                if (readiness.ready(instance)) {
                    return Optional.of(instance);
                }
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
