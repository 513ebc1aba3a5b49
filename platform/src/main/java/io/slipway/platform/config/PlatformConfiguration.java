package io.slipway.platform.config;

import io.slipway.buildpacks.bundle.BundleLimits;
import io.slipway.platform.access.InvokeKeys;
import io.slipway.platform.app.AppDeletion;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.app.AppService;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.build.ReleaseBuilder;
import io.slipway.platform.bundle.BundleStore;
import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.metering.MeteredBackend;
import io.slipway.platform.metering.UsageMeter;
import io.slipway.platform.deploy.DeploymentRepository;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.quota.Quotas;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.runtime.Readiness;
import io.slipway.platform.runtime.Reconciler;
import io.slipway.platform.runtime.Rollout;
import io.slipway.platform.runtime.Rollouts;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.scaling.store.DemandStore;
import io.slipway.platform.secrets.BundleSecrets;
import io.slipway.platform.secrets.SecretEnvBackend;
import io.slipway.platform.secrets.Secrets;
import io.slipway.platform.scaling.store.ScalingEvents;
import io.slipway.platform.scaling.store.ScalingOverrideRepository;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The wiring of the deploy path: stores, builder, backend, rollout, reconciler. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The wall clock; a test may hand in its own (a shifted clock to reach a scheduled floor's time). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BundleStore bundleStore(SlipwayProperties properties) {
        BundleLimits defaults = BundleLimits.defaults();
        long max = properties.maxBundleSize().toBytes();
        return new BundleStore(properties.dataDir().resolve("bundles"), defaults.withMaxArchiveBytes(max));
    }

    @Bean
    BuildLogs buildLogs(SlipwayProperties properties, Clock clock) {
        return new BuildLogs(properties.dataDir().resolve("logs/deployments"), clock);
    }

    @Bean
    Backends backends(SlipwayProperties properties, Clock clock) {
        return Backends.select(properties, RuntimeDistributions.locate(properties.runtimeDistribution()), clock);
    }

    /**
     * The selected backend, metered: every start and stop it makes is recorded as it happens; an
     * instance gets the secrets its release names as it starts.
     */
    @Bean
    RuntimeBackend runtimeBackend(Backends backends, UsageMeter meter, Clock clock, Secrets secrets,
            ReleaseRepository releases) {
        return new SecretEnvBackend(new MeteredBackend(backends.backend(), meter, clock), secrets, releases);
    }

    @Bean
    ReleaseBuilder releaseBuilder(Backends backends) {
        return backends.builder();
    }

    @Bean
    Readiness readiness() {
        return new Readiness();
    }

    @Bean
    Rollouts rollouts() {
        return new Rollouts();
    }

    @Bean
    Rollout rollout(RuntimeBackend backend, RoutingTable table, Readiness readiness, Clock clock,
            SlipwayProperties properties) {
        return new Rollout(backend, table, readiness, clock, properties.readyTimeout(), properties.drainTimeout());
    }

    @Bean
    Reconciler reconciler(RuntimeBackend backend, AppRepository apps, ReleaseRepository releases, RoutingTable table,
            Readiness readiness, Rollouts rollouts, Clock clock) {
        return new Reconciler(backend, apps, releases, table, readiness, rollouts, clock);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService deploymentExecutor() {
        return Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "deploy");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DeploymentService deploymentService(AppService apps, DeploymentRepository deployments, ReleaseService releases,
            BundleStore bundles, ReleaseBuilder builder, Rollout rollout, Rollouts rollouts, BuildLogs logs,
            ExecutorService deploymentExecutor, Clock clock, Quotas quotas, AuditLog audit, Secrets secrets) {
        return new DeploymentService(apps, deployments, releases, bundles, builder, rollout, rollouts, logs,
                deploymentExecutor, clock, quotas, audit, new BundleSecrets(secrets));
    }

    @Bean
    AppDeletion appDeletion(AppRepository apps, ReleaseRepository releases, DeploymentRepository deployments,
            RuntimeBackend backend, RoutingTable table, ReleaseBuilder builder, BundleStore bundles, BuildLogs logs,
            Rollouts rollouts, TransactionTemplate transactions, ScalingEvents scalingEvents,
            ScalingOverrideRepository scalingOverrides, DemandStore demand, AuditLog audit, InvokeKeys invokeKeys) {
        return new AppDeletion(apps, releases, deployments, backend, table, builder, bundles, logs, rollouts, transactions,
                app -> {
                    scalingEvents.deleteApp(app);
                    scalingOverrides.deleteById(app);
                    demand.deleteApp(app);
                    invokeKeys.deleteApp(app);
                }, audit);
    }
}
