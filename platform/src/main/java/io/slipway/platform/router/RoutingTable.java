package io.slipway.platform.router;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which instances serve each app, and how many requests each has in flight. The router picks the
 * least loaded; an instance taken out of the table gets no new requests while those it has finish.
 */
public final class RoutingTable {

    /** An instance that takes requests on 127.0.0.1:port. */
    public record Target(String instanceId, int port) {
    }

    private final Map<String, List<Target>> byApp = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** Replaces the instances that serve {@code app}. */
    public void set(String app, List<Target> targets) {
        if (targets.isEmpty()) {
            byApp.remove(app);
        } else {
            byApp.put(app, List.copyOf(targets));
        }
    }

    public List<Target> targets(String app) {
        return byApp.getOrDefault(app, List.of());
    }

    /** The serving instance with the fewest requests in flight (ties broken at random). */
    public Optional<Target> choose(String app) {
        List<Target> targets = targets(app);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        int offset = ThreadLocalRandom.current().nextInt(targets.size());
        return java.util.stream.IntStream.range(0, targets.size())
                .mapToObj(i -> targets.get((i + offset) % targets.size()))
                .min(Comparator.comparingInt(t -> inFlight(t.instanceId())));
    }

    public void started(Target target) {
        inFlight.computeIfAbsent(target.instanceId(), id -> new AtomicInteger()).incrementAndGet();
    }

    public void finished(Target target) {
        AtomicInteger count = inFlight.get(target.instanceId());
        if (count != null) {
            count.decrementAndGet();
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
    }
}
