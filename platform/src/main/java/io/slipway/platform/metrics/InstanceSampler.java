package io.slipway.platform.metrics;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.router.RoutingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Samples every app's ready instances (targets in the router) and desired instances (the autoscaler's
 * count) into the {@link InstanceHistory} every {@code interval} (2 s, like the router's buckets). Nothing
 * else records instances over time: scaling events say when the desired count changed, not when the new
 * instances became ready. It runs on its own thread, not Spring's shared scheduler, so a long reconcile or
 * rollout does not leave gaps in the history.
 */
public final class InstanceSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceSampler.class);

    private final AppRepository apps;
    private final RoutingTable table;
    private final InstanceHistory history;
    private final Clock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public InstanceSampler(AppRepository apps, RoutingTable table, InstanceHistory history, Clock clock,
            Duration interval) {
        this.apps = apps;
        this.table = table;
        this.history = history;
        this.clock = clock;
        this.interval = interval;
    }

    /** Takes one sample of every app now. */
    public void sample() {
        Instant now = clock.instant();
        List<App> all = apps.findAll();
        for (App app : all) {
            history.record(app.getName(), now(app, now));
        }
        history.retain(all.stream().map(App::getName).toList());
    }

    /** The app's counts at {@code at}, read live. */
    InstanceHistory.Point now(App app, Instant at) {
        return new InstanceHistory.Point(at, table.targets(app.getName()).size(), app.getDesiredInstances());
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "instance-sampler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                log.debug("sampling instances failed: {}", e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
