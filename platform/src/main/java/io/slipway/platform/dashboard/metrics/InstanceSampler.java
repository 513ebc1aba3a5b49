package io.slipway.platform.dashboard.metrics;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.router.RoutingTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Samples every app's ready instances (targets in the router) and desired instances (the autoscaler's
 * count) into the {@link InstanceHistory}, every {@code slipway.dashboard.sample-interval} (2 s, like
 * the router's buckets). Nothing else records instances over time: scaling events only say when the
 * desired count changed, not when the new instances became ready.
 */
public final class InstanceSampler {

    private final AppRepository apps;
    private final RoutingTable table;
    private final InstanceHistory history;
    private final Clock clock;

    public InstanceSampler(AppRepository apps, RoutingTable table, InstanceHistory history, Clock clock) {
        this.apps = apps;
        this.table = table;
        this.history = history;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${slipway.dashboard.sample-interval:2s}", initialDelayString = "1s")
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
}
