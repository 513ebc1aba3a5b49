package io.slipway.platform.dashboard;

import io.slipway.platform.app.App;
import io.slipway.platform.app.AppOwners;
import io.slipway.platform.app.AppService;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentRepository;
import io.slipway.platform.router.AppTraffic;
import io.slipway.platform.router.RoutingTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the dashboard says about an app's health: from the routing table, the deployments and the router's traffic. */
@Component
class AppStatuses {

    /** The window of the requests/s figure. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final AppService apps;
    private final DeploymentRepository deployments;
    private final RoutingTable table;
    private final AppTraffic traffic;
    private final AppOwners owners;

    AppStatuses(AppService apps, DeploymentRepository deployments, RoutingTable table, AppTraffic traffic,
            AppOwners owners) {
        this.owners = owners;
        this.apps = apps;
        this.deployments = deployments;
        this.table = table;
        this.traffic = traffic;
    }

    List<AppSummary> all() {
        return apps.list().stream().filter(owners::maySee).map(this::summary).toList();
    }

    AppSummary summary(App app) {
        int ready = table.targets(app.getName()).size();
        return new AppSummary(app.getName(), status(app, ready), app.getCurrentRelease(), ready,
                app.getDesiredInstances(), traffic.requestsPerSecond(app.getName(), RATE_WINDOW));
    }

    private String status(App app, int ready) {
        Optional<Deployment> latest = deployments.findByAppOrderByCreatedAtDesc(app.getName()).stream().findFirst();
        if (latest.isPresent() && !latest.get().getStatus().finished()) {
            return "deploying";
        }
        if (app.getCurrentRelease() == null) {
            return latest.isPresent() ? "failed" : "new";
        }
        if (ready == 0) {
            return "down";
        }
        return ready >= app.getDesiredInstances() ? "running" : "degraded";
    }
}
