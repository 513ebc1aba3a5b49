package io.slipway.platform.app;

import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.build.ReleaseBuilder;
import io.slipway.platform.bundle.BundleStore;
import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentRepository;
import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.Rollouts;
import io.slipway.platform.runtime.RuntimeBackend;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an app and everything it left: instances (stopped), images, releases, deployments,
 * scaling overrides and events, build logs, and bundles no other app's release refers to.
 */
public final class AppDeletion {

    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final DeploymentRepository deployments;
    private final RuntimeBackend backend;
    private final RoutingTable table;
    private final ReleaseBuilder builder;
    private final BundleStore bundles;
    private final BuildLogs logs;
    private final Rollouts rollouts;
    private final TransactionTemplate transactions;
    private final java.util.function.Consumer<String> forgetScaling;
    private final AuditLog audit;

    public AppDeletion(AppRepository apps, ReleaseRepository releases, DeploymentRepository deployments,
            RuntimeBackend backend, RoutingTable table, ReleaseBuilder builder, BundleStore bundles, BuildLogs logs,
            Rollouts rollouts, TransactionTemplate transactions, java.util.function.Consumer<String> forgetScaling,
            AuditLog audit) {
        this.audit = audit;
        this.apps = apps;
        this.releases = releases;
        this.deployments = deployments;
        this.backend = backend;
        this.table = table;
        this.builder = builder;
        this.bundles = bundles;
        this.logs = logs;
        this.rollouts = rollouts;
        this.transactions = transactions;
        this.forgetScaling = forgetScaling;
    }

    public void delete(String app) {
        ReentrantLock lock = rollouts.lockOf(app);
        lock.lock();
        try {
            table.set(app, List.of());
            for (Instance instance : backend.list().stream().filter(i -> i.app().equals(app)).toList()) {
                backend.stop(instance.id(), Duration.ofSeconds(10));
                table.forget(instance.id());
            }
            List<Release> appReleases = releases.findByAppOrderByNumberDesc(app);
            List<Deployment> appDeployments = deployments.findByAppOrderByCreatedAtDesc(app);
            transactions.executeWithoutResult(status -> {
                releases.deleteByApp(app);
                deployments.deleteByApp(app);
                forgetScaling.accept(app);
                apps.deleteById(app);
            });
            appReleases.stream().map(ReleaseService::artifactOf).distinct().forEach(builder::remove);
            appDeployments.forEach(d -> logs.delete(d.getId()));
            table.forgetApp(app);
            audit.record(AuditLog.Action.DELETE_APP, app, appReleases.size() + " release(s) removed");
            appReleases.stream().map(Release::getBundleDigest).distinct()
                    .filter(digest -> releases.findByBundleDigest(digest).isEmpty())
                    .forEach(bundles::remove);
        } finally {
            lock.unlock();
        }
    }
}
