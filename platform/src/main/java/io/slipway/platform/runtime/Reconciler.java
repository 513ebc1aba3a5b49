package io.slipway.platform.runtime;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.router.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what runs equal to what the database says should run: for every app, the desired
 * number of ready instances of its current release. Crashed instances are replaced with
 * back-off, instances found after a restart are adopted, stale and orphaned ones stopped, and
 * the routing table follows the instances that answer ready.
 */
public final class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** How often a waiting request's instance is asked whether it is ready while it starts. */
    private static final Duration STARTING_POLL = Duration.ofMillis(10);

    private final RuntimeBackend backend;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final RoutingTable table;
    private final Readiness readiness;
    private final Rollouts rollouts;
    private final Clock clock;
    private final Map<String, Integer> crashes = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextStart = new ConcurrentHashMap<>();
    private final Map<String, Integer> limits = new ConcurrentHashMap<>();
    private final StartingInstances starting;

    public Reconciler(RuntimeBackend backend, AppRepository apps, ReleaseRepository releases, RoutingTable table,
            Readiness readiness, Rollouts rollouts, Clock clock) {
        this.backend = backend;
        this.apps = apps;
        this.releases = releases;
        this.table = table;
        this.readiness = readiness;
        this.rollouts = rollouts;
        this.clock = clock;
        this.starting = new StartingInstances(readiness, STARTING_POLL);
    }

    /** One pass over every app; called on a fixed delay. */
    public void reconcile() {
        List<Instance> all = backend.list();
        Map<String, App> known = apps.findAll().stream().collect(Collectors.toMap(App::getName, a -> a));
        // settings of deleted apps go, so a new app of the same name starts from its own release
        limits.keySet().removeIf(key -> !known.containsKey(key.substring(0, key.lastIndexOf("/v"))));
        for (Instance orphan : all.stream().filter(i -> !known.containsKey(i.app())).toList()) {
            ReentrantLock lock = rollouts.lockOf(orphan.app());
            if (lock.tryLock()) {
                try {
                    log.info("stopping instance {} of unknown app '{}'", orphan.id(), orphan.app());
                    backend.stop(orphan.id(), Duration.ofSeconds(5));
                    table.forget(orphan.id());
                } finally {
                    lock.unlock();
                }
            }
        }
        for (App app : known.values()) {
            ReentrantLock lock = rollouts.lockOf(app.getName());
            if (!lock.tryLock()) {
                continue; // a rollout or deletion is in progress; it owns the app's instances
            }
            try {
                reconcile(app, all.stream().filter(i -> i.app().equals(app.getName())).toList());
            } catch (RuntimeException e) {
                log.warn("reconciling app '{}' failed: {}", app.getName(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }
    }

    /** One pass over one app, now (a request is waiting for it, say); skipped while it is locked. */
    public void reconcile(String appName) {
        App app = apps.findById(appName).orElse(null);
        ReentrantLock lock = rollouts.lockOf(appName);
        if (app == null || !lock.tryLock()) {
            return;
        }
        try {
            reconcile(app, backend.list().stream().filter(i -> i.app().equals(appName)).toList());
        } finally {
            lock.unlock();
        }
    }

    private void reconcile(App app, List<Instance> instances) {
        String name = app.getName();
        // Read again under the app's lock: a rollout may have switched releases since the pass began.
        Integer current = apps.findById(name).map(App::getCurrentRelease).orElse(null);
        for (Instance exited : instances.stream().filter(i -> !i.running()).toList()) {
            int count = crashes.merge(name, 1, Integer::sum);
            Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(count - 1, 6)));
            nextStart.put(name, clock.instant().plus(backoff));
            log.warn("instance {} of '{}' exited; replacing it in {} s ({} crash(es) in a row)\n{}", exited.id(), name,
                    backoff.toSeconds(), count, safeLogs(exited.id()));
            backend.stop(exited.id(), Duration.ZERO);
            table.forget(exited.id());
        }
        List<Instance> running = instances.stream().filter(Instance::running).toList();
        for (Instance stale : running.stream().filter(i -> current == null || i.release() != current).toList()) {
            log.info("stopping instance {} of '{}': release v{} is not current", stale.id(), name, stale.release());
            backend.stop(stale.id(), Duration.ofSeconds(10));
            table.forget(stale.id());
        }
        if (current == null) {
            table.set(name, List.of());
            starting.set(name, List.of());
            return;
        }
        List<Instance> serving = running.stream().filter(i -> i.release() == current)
                .sorted(Comparator.comparing(Instance::startedAt)).toList();
        int desired = Math.max(0, app.getDesiredInstances());
        for (Instance extra : serving.subList(Math.min(desired, serving.size()), serving.size())) {
            log.info("stopping instance {} of '{}': {} wanted", extra.id(), name, desired);
            backend.stop(extra.id(), Duration.ofSeconds(10));
            table.forget(extra.id());
        }
        List<Instance> kept = serving.subList(0, Math.min(desired, serving.size()));
        Set<String> ready = kept.stream().filter(readiness::ready).map(Instance::id).collect(Collectors.toSet());
        table.set(name, kept.stream().filter(i -> ready.contains(i.id()))
                .map(i -> new RoutingTable.Target(i.id(), i.port())).toList(), maxConcurrency(name, current));
        if (ready.size() == desired) {
            crashes.remove(name);
        }
        List<Instance> notReady = new ArrayList<>(kept.stream().filter(i -> !ready.contains(i.id())).toList());
        starting.set(name, notReady);
        int missing = desired - kept.size();
        if (missing > 0 && !clock.instant().isBefore(nextStart.getOrDefault(name, Instant.MIN))) {
            Release release = releases.findByAppAndNumber(name, current).orElse(null);
            if (release == null) {
                log.warn("app '{}' names release v{} which does not exist", name, current);
                return;
            }
            for (int i = 0; i < missing; i++) {
                Instance started = backend.start(InstanceSpecs.of(release));
                notReady.add(started);
                starting.set(name, notReady);
                log.info("started instance {} of '{}' release v{} ({} of {} wanted)", started.id(), name, current,
                        kept.size() + i + 1, desired);
            }
        }
    }

    /**
     * Waits up to {@code max} for an instance of {@code appName} that the last pass started or saw
     * starting to answer ready (asked every 10 ms, without listing the backend's instances), and
     * routes to it at once when the app has no ready instance yet: a request waiting for a scale
     * from zero is forwarded as soon as its instance can answer it.
     *
     * @return whether an instance was routed; false at once when none is starting
     */
    public boolean awaitStarting(String appName, Duration max) throws InterruptedException {
        Optional<Instance> ready = starting.awaitReady(appName, max);
        if (ready.isEmpty()) {
            return false;
        }
        ReentrantLock lock = rollouts.lockOf(appName);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            Instance instance = ready.get();
            Integer current = apps.findById(appName).map(App::getCurrentRelease).orElse(null);
            if (current == null || current != instance.release() || !table.targets(appName).isEmpty()) {
                return false;
            }
            table.set(appName, List.of(new RoutingTable.Target(instance.id(), instance.port())),
                    maxConcurrency(appName, current));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The release's serving.maxConcurrency, the router's limit per instance; its timeout and access
     * go to the table on the way, read once per release.
     */
    private int maxConcurrency(String app, int release) {
        return limits.computeIfAbsent(app + "/v" + release, key -> releases.findByAppAndNumber(app, release)
                .map(r -> RouteSettings.apply(table, app, InstanceSpecs.manifest(r))).orElse(table.limit(app)));
    }

    private String safeLogs(String instanceId) {
        try {
            return backend.logs(instanceId, 10);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
