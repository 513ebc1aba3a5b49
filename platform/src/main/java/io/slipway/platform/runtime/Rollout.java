package io.slipway.platform.runtime;

import io.slipway.platform.release.Release;
import io.slipway.platform.router.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Zero-downtime rollout of a release: start its instances, wait until they are ready (a timeout
 * stops them and leaves the old release serving), switch traffic, let the old instances finish
 * the requests they have, stop them.
 */
public final class Rollout {

    private final RuntimeBackend backend;
    private final RoutingTable table;
    private final Readiness readiness;
    private final Clock clock;
    private final Duration readyTimeout;
    private final Duration drainTimeout;

    public Rollout(RuntimeBackend backend, RoutingTable table, Readiness readiness, Clock clock, Duration readyTimeout,
            Duration drainTimeout) {
        this.backend = backend;
        this.table = table;
        this.readiness = readiness;
        this.clock = clock;
        this.readyTimeout = readyTimeout;
        this.drainTimeout = drainTimeout;
    }

    /**
     * Rolls {@code release} out on {@code count} instances. {@code switchTo} is called with the
     * release number once the new instances are ready, before traffic moves (it records the
     * release as current).
     *
     * @throws RolloutException when the new instances do not become ready
     */
    public void run(Release release, int count, IntConsumer switchTo, Consumer<String> log) {
        String app = release.getApp();
        List<Instance> old = backend.list().stream().filter(i -> i.app().equals(app)).toList();
        List<Instance> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Instance instance = backend.start(InstanceSpecs.of(release));
                started.add(instance);
                log.accept("started instance " + instance.id() + " (" + backend.name() + ", port " + instance.port() + ")");
            }
            awaitReady(started, log);
        } catch (RuntimeException e) {
            for (Instance instance : started) {
                log.accept("last lines of " + instance.id() + ":\n" + tail(instance.id()));
                backend.stop(instance.id(), Duration.ZERO);
            }
            throw e instanceof RolloutException ? e : new RolloutException("could not start release v"
                    + release.getNumber() + ": " + e.getMessage());
        }
        switchTo.accept(release.getNumber());
        int limit = RouteSettings.apply(table, app, InstanceSpecs.manifest(release));
        table.set(app, started.stream().map(i -> new RoutingTable.Target(i.id(), i.port())).toList(), limit);
        log.accept("traffic switched to release v" + release.getNumber() + " (" + started.size() + " instance"
                + (started.size() == 1 ? "" : "s") + ")");
        for (Instance instance : old) {
            drainAndStop(instance, log);
        }
    }

    private void awaitReady(List<Instance> instances, Consumer<String> log) {
        Instant deadline = clock.instant().plus(readyTimeout);
        List<Instance> waiting = new ArrayList<>(instances);
        while (!waiting.isEmpty()) {
            for (Instance instance : List.copyOf(waiting)) {
                Instance now = backend.find(instance.id()).orElse(null);
                if (now == null || !now.running()) {
                    throw new RolloutException("instance " + instance.id() + " exited before it was ready:\n"
                            + tail(instance.id()));
                }
                if (readiness.ready(now)) {
                    waiting.remove(instance);
                    log.accept("instance " + instance.id() + " is ready");
                }
            }
            if (!waiting.isEmpty()) {
                if (clock.instant().isAfter(deadline)) {
                    throw new RolloutException(waiting.size() + " instance(s) not ready after " + readyTimeout.toSeconds()
                            + " s; the previous release keeps serving");
                }
                sleep(50);
            }
        }
    }

    /** Waits for the requests the router sent to an instance to finish, then stops it. */
    public void drainAndStop(Instance instance, Consumer<String> log) {
        Instant deadline = clock.instant().plus(drainTimeout);
        while (table.inFlight(instance.id()) > 0 && clock.instant().isBefore(deadline)) {
            sleep(50);
        }
        backend.stop(instance.id(), Duration.ofSeconds(10));
        table.forget(instance.id());
        log.accept("stopped old instance " + instance.id() + " (release v" + instance.release() + ")");
    }

    private String tail(String instanceId) {
        try {
            return backend.logs(instanceId, 20);
        } catch (RuntimeException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RolloutException("interrupted");
        }
    }
}
