package io.slipway.platform.scaling;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.router.AppTraffic;
import io.slipway.platform.router.ColdStarts;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.quota.Quotas;
import io.slipway.platform.runtime.CpuSampler;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.Reconciler;
import io.slipway.platform.runtime.Rollouts;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.scaling.store.DemandStore;
import io.slipway.platform.scaling.store.ScalingEvents;
import io.slipway.platform.scaling.store.ScalingPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop: every tick, for every app with a release, feed the router's traffic and
 * the instances' CPU to the app's scaler, record the decision, and set the app's desired
 * instances, which the reconciler then makes true. It also wakes apps scaled to zero when a
 * request arrives for them.
 */
public final class AutoscalerLoop implements ColdStarts {

    private static final Logger log = LoggerFactory.getLogger(AutoscalerLoop.class);

    private final AppRepository apps;
    private final ScalingPolicies policies;
    private final ScalingEvents events;
    private final DemandStore demand;
    private final AppTraffic traffic;
    private final RoutingTable table;
    private final RuntimeBackend backend;
    private final CpuSampler cpu;
    private final Reconciler reconciler;
    private final Rollouts rollouts;
    private final ExecutorService executor;
    private final Clock clock;
    private final Duration tick;
    private final Duration startupTime;
    private final Quotas quotas;
    private final Map<String, AppScaler> scalers = new ConcurrentHashMap<>();
    private final Map<String, String> quotaHeld = new ConcurrentHashMap<>();
    private final Map<String, Boolean> waking = new ConcurrentHashMap<>();
    private final Map<String, Long> storedMinute = new ConcurrentHashMap<>();
    private Instant prunedAt = Instant.MIN;

    public AutoscalerLoop(AppRepository apps, ScalingPolicies policies, ScalingEvents events, DemandStore demand,
            AppTraffic traffic,
            RoutingTable table, RuntimeBackend backend, CpuSampler cpu, Reconciler reconciler, Rollouts rollouts,
            ExecutorService executor, Clock clock, Duration tick, Duration startupTime, Quotas quotas) {
        this.quotas = quotas;
        this.apps = apps;
        this.policies = policies;
        this.events = events;
        this.demand = demand;
        this.traffic = traffic;
        this.table = table;
        this.backend = backend;
        this.cpu = cpu;
        this.reconciler = reconciler;
        this.rollouts = rollouts;
        this.executor = executor;
        this.clock = clock;
        this.tick = tick;
        this.startupTime = startupTime;
    }

    /** One decision per app. */
    public void tick() {
        List<Instance> instances = backend.list();
        List<App> all = apps.findAll();
        for (App app : all) {
            if (app.getCurrentRelease() == null) {
                continue;
            }
            ReentrantLock lock = rollouts.lockOf(app.getName());
            if (!lock.tryLock()) {
                continue; // a rollout owns the app's instances right now
            }
            try {
                decide(app, instances.stream().filter(i -> i.app().equals(app.getName()) && i.running()).toList());
            } catch (RuntimeException e) {
                log.warn("scaling app '{}' failed: {}", app.getName(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }
        scalers.keySet().retainAll(all.stream().map(App::getName).toList());
        Instant now = clock.instant();
        if (prunedAt.isBefore(now.minus(Duration.ofHours(1)))) {
            demand.prune(now);
            prunedAt = now;
        }
    }

    private void decide(App app, List<Instance> running) {
        String name = app.getName();
        ScalingPolicy policy = policies.effective(name);
        Instant now = clock.instant();
        AppScaler scaler = scalers.computeIfAbsent(name,
                n -> new AppScaler(new Autoscaler(clock.getZone()), demand.load(n, now)));
        long requests = Math.round(traffic.requestsPerSecond(name, tick) * tick.toMillis() / 1000.0);
        Double cpuPercent = null;
        if (policy.scaling().cpu() != null) {
            OptionalDouble sample = cpu.sample(running, 1.0);
            cpuPercent = sample.isPresent() ? sample.getAsDouble() : null;
        }
        double inFlight = Math.max(traffic.averageConcurrency(name, tick), traffic.inFlight(name));
        scaler.observe(now, inFlight, requests, cpuPercent);
        store(name, scaler.history(), now);
        int ready = table.targets(name).size();
        Decision decision = scaler.decide(policy, ready, app.getDesiredInstances(), startupTime, now);
        Quotas.Allowance allowance = quotas.allowance(app, decision.desired(), app.getDesiredInstances());
        if (allowance.heldBackBy() != null) {
            decision = decision.limitedTo(allowance.instances(), "quota " + allowance.heldBackBy() + " held it back to "
                    + allowance.instances() + " (wanted " + decision.desired() + ")");
        }
        // a quota holding an app back is recorded when it starts or its allowance moves, not at every tick
        String held = allowance.heldBackBy() == null ? null : allowance.heldBackBy() + " " + allowance.instances();
        boolean heldAsBefore = held != null && held.equals(quotaHeld.get(name)) && !decision.changes();
        if (held == null) {
            quotaHeld.remove(name);
        } else {
            quotaHeld.put(name, held);
        }
        if (!heldAsBefore) {
            events.record(name, decision, now);
        }
        if (decision.changes()) {
            App current = apps.findById(name).orElse(null);
            if (current != null) {
                current.setDesiredInstances(decision.desired());
                apps.save(current);
            }
        }
    }

    /** Stores each minute of demand once it is complete. */
    private void store(String app, DemandHistory history, Instant now) {
        long current = history.bucketOf(now);
        Long last = storedMinute.put(app, current);
        if (last != null && last < current) {
            double mean = history.value(last);
            if (!Double.isNaN(mean)) {
                demand.save(app, Instant.ofEpochMilli(last * history.bucket().toMillis()), mean);
            }
        }
    }

    /** A request waits for an app without a ready instance: ask for one now, without blocking. */
    @Override
    public void wake(String app) {
        if (waking.putIfAbsent(app, Boolean.TRUE) != null) {
            return;
        }
        executor.submit(() -> {
            try {
                App current = apps.findById(app).orElse(null);
                if (current == null || current.getCurrentRelease() == null) {
                    return;
                }
                if (current.getDesiredInstances() == 0) {
                    Quotas.Allowance allowance = quotas.allowance(current, 1, 0);
                    if (allowance.instances() < 1) {
                        log.warn("app '{}': a request arrived while scaled to zero, but quota {} leaves no room for an"
                                + " instance", app, allowance.heldBackBy());
                        return;
                    }
                    current.setDesiredInstances(1);
                    apps.save(current);
                    events.recordWake(app, clock.instant());
                    log.info("app '{}': a request arrived while scaled to zero; starting an instance", app);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (table.targets(app).isEmpty() && System.nanoTime() < deadline) {
                    reconciler.reconcile(app);
                    // watch the instance start closely; a full pass again every half second catches a crash
                    if (table.targets(app).isEmpty() && !reconciler.awaitStarting(app, Duration.ofMillis(500))) {
                        Thread.sleep(50);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("waking app '{}' failed: {}", app, e.getMessage());
            } finally {
                waking.remove(app);
            }
        });
    }
}
