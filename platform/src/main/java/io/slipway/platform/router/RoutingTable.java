package io.slipway.platform.router;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Which instances serve each app, how many requests each takes at once, and how many it has in
 * flight. The router picks the least loaded; an instance taken out of the table gets no new
 * requests while those it has finish.
 */
public final class RoutingTable {

    /** An instance that takes requests on 127.0.0.1:port. */
    public record Target(String instanceId, int port) {
    }

    private final int defaultLimit;
    private final Map<String, List<Target>> byApp = new ConcurrentHashMap<>();
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();
    private final Map<String, java.time.Duration> timeouts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> protectedApps = new ConcurrentHashMap<>();
    private final Map<String, String> appOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final List<Consumer<String>> capacityListeners = new CopyOnWriteArrayList<>();

    /** A table whose instances each take at most 8 requests at once unless told otherwise. */
    public RoutingTable() {
        this(8);
    }

    /** A table whose instances each take at most {@code defaultLimit} requests at once unless told otherwise. */
    public RoutingTable(int defaultLimit) {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("defaultLimit: must be >= 1, was " + defaultLimit);
        }
        this.defaultLimit = defaultLimit;
    }

    /** Replaces the instances that serve {@code app}, keeping its concurrency limit. */
    public void set(String app, List<Target> targets) {
        if (targets.isEmpty()) {
            byApp.remove(app);
        } else {
            targets.forEach(t -> appOf.put(t.instanceId(), app));
            byApp.put(app, List.copyOf(targets));
        }
        capacityChanged(app);
    }

    /** Replaces the instances that serve {@code app}, each taking at most {@code maxConcurrency} requests at once. */
    public void set(String app, List<Target> targets, int maxConcurrency) {
        setLimit(app, maxConcurrency);
        set(app, targets);
    }

    /** Sets how many requests one instance of {@code app} takes at once ({@code serving.maxConcurrency}). */
    public void setLimit(String app, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency: must be >= 1, was " + maxConcurrency);
        }
        limits.put(app, maxConcurrency);
        capacityChanged(app);
    }

    /**
     * Takes an instance out of rotation at once, after a connection to it failed (it crashed or
     * was killed); the reconciler puts it back if it answers ready again.
     */
    public void eject(String app, String instanceId) {
        List<Target> targets = targets(app);
        List<Target> kept = targets.stream().filter(t -> !t.instanceId().equals(instanceId)).toList();
        if (kept.size() != targets.size()) {
            set(app, kept);
        }
    }

    /** Forgets everything about a deleted app: instances, limit, timeout, access. */
    public void forgetApp(String app) {
        set(app, List.of());
        limits.remove(app);
        timeouts.remove(app);
        protectedApps.remove(app);
    }

    /** Sets whether calls to {@code app} need one of its invoke keys ({@code access: token}). */
    public void setProtected(String app, boolean needsKey) {
        protectedApps.put(app, needsKey);
    }

    /** Whether calls to {@code app} need an invoke key; null while nobody has said. */
    public Boolean isProtected(String app) {
        return protectedApps.get(app);
    }

    /** Sets how long the router waits for an answer from an instance of {@code app} ({@code serving.timeout}). */
    public void setTimeout(String app, java.time.Duration timeout) {
        timeouts.put(app, timeout);
    }

    /** The app's own timeout, or {@code fallback} when it has none. */
    public java.time.Duration timeout(String app, java.time.Duration fallback) {
        return timeouts.getOrDefault(app, fallback);
    }

    /** How many requests one instance of {@code app} takes at once. */
    public int limit(String app) {
        return limits.getOrDefault(app, defaultLimit);
    }

    public List<Target> targets(String app) {
        return byApp.getOrDefault(app, List.of());
    }

    /** The serving instance with the fewest requests in flight (ties broken at random), limit or not. */
    public Optional<Target> choose(String app) {
        return leastLoaded(targets(app), Integer.MAX_VALUE, Set.of());
    }

    /**
     * Takes a slot on the least loaded instance of {@code app} that is under its limit and not in
     * {@code excluded}, counting the request as started; empty when every instance is full.
     */
    public Optional<Target> acquire(String app, Set<String> excluded) {
        List<Target> targets = targets(app);
        int limit = limit(app);
        synchronized (lock(app)) {
            Optional<Target> chosen = leastLoaded(targets, limit, excluded);
            chosen.ifPresent(this::started);
            return chosen;
        }
    }

    /** Whether {@code app} has an instance that is not in {@code excluded}. */
    public boolean hasTargets(String app, Set<String> excluded) {
        return targets(app).stream().anyMatch(t -> !excluded.contains(t.instanceId()));
    }

    public void started(Target target) {
        inFlight.computeIfAbsent(target.instanceId(), id -> new AtomicInteger()).incrementAndGet();
    }

    public void finished(Target target) {
        AtomicInteger count = inFlight.get(target.instanceId());
        if (count != null) {
            count.decrementAndGet();
        }
        String app = appOf.get(target.instanceId());
        if (app != null) {
            capacityChanged(app);
        }
    }

    /** Requests the router has sent to an instance and not yet seen answered. */
    public int inFlight(String instanceId) {
        AtomicInteger count = inFlight.get(instanceId);
        return count == null ? 0 : count.get();
    }

    /** Forgets an instance that has stopped. */
    public void forget(String instanceId) {
        inFlight.remove(instanceId);
        appOf.remove(instanceId);
    }

    /** Calls {@code listener} with the app's name whenever one of its instances may have a free slot. */
    public void onCapacity(Consumer<String> listener) {
        capacityListeners.add(listener);
    }

    private void capacityChanged(String app) {
        capacityListeners.forEach(l -> l.accept(app));
    }

    private Object lock(String app) {
        return locks.computeIfAbsent(app, k -> new Object());
    }

    private Optional<Target> leastLoaded(List<Target> targets, int limit, Set<String> excluded) {
        int size = targets.size();
        if (size == 0) {
            return Optional.empty();
        }
        int offset = size == 1 ? 0 : ThreadLocalRandom.current().nextInt(size);
        Target best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            Target t = targets.get((i + offset) % size);
            int load = inFlight(t.instanceId());
            if (load < limit && load < bestLoad && !excluded.contains(t.instanceId())) {
                best = t;
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best);
    }
}
