package io.slipway.platform.deploy;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.app.App;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.app.AppService;
import io.slipway.platform.build.ReleaseBuilder;
import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.platform.app.App;
import io.slipway.platform.bundle.BundleStore;
import io.slipway.platform.quota.QuotaExceededException;
import io.slipway.platform.quota.Quotas;
import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.runtime.Rollout;
import io.slipway.platform.runtime.Rollouts;
import io.slipway.platform.web.NotFoundException;
import io.slipway.buildpacks.manifest.SecretRedaction.InlineSecret;
import io.slipway.platform.secrets.BundleSecrets;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundle's way to a live release. The upload is stored and its manifest validated before the
 * caller gets an answer (a bad bundle is refused at once, nothing deployed); building, releasing
 * and the rollout then run in the background, each step in the build log.
 */
public final class DeploymentService {

    private static final Logger log = LoggerFactory.getLogger(DeploymentService.class);

    private final AppService apps;
    private final DeploymentRepository deployments;
    private final ReleaseService releases;
    private final BundleStore bundles;
    private final ReleaseBuilder builder;
    private final Rollout rollout;
    private final Rollouts rollouts;
    private final BuildLogs logs;
    private final ExecutorService executor;
    private final Clock clock;
    private final Quotas quotas;
    private final AuditLog audit;
    private final BundleSecrets secrets;
    /** Whether bundles come from git pushes, whose inline secrets are refused. */
    private final boolean fromGit;

    public DeploymentService(AppService apps, DeploymentRepository deployments, ReleaseService releases,
            BundleStore bundles, ReleaseBuilder builder, Rollout rollout, Rollouts rollouts, BuildLogs logs,
            ExecutorService executor, Clock clock, Quotas quotas, AuditLog audit, BundleSecrets secrets) {
        this(apps, deployments, releases, bundles, builder, rollout, rollouts, logs, executor, clock, quotas, audit,
                secrets, false);
    }

    private DeploymentService(AppService apps, DeploymentRepository deployments, ReleaseService releases,
            BundleStore bundles, ReleaseBuilder builder, Rollout rollout, Rollouts rollouts, BuildLogs logs,
            ExecutorService executor, Clock clock, Quotas quotas, AuditLog audit, BundleSecrets secrets,
            boolean fromGit) {
        this.secrets = secrets;
        this.fromGit = fromGit;
        this.audit = audit;
        this.quotas = quotas;
        this.apps = apps;
        this.deployments = deployments;
        this.releases = releases;
        this.bundles = bundles;
        this.builder = builder;
        this.rollout = rollout;
        this.rollouts = rollouts;
        this.logs = logs;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * The same service for bundles that git pushes carry: a manifest with an inline secret value
     * is refused, as the app's git repository would keep the value unencrypted.
     */
    public DeploymentService forGitPushes() {
        return new DeploymentService(apps, deployments, releases, bundles, builder, rollout, rollouts, logs, executor,
                clock, quotas, audit, secrets, true);
    }

    /**
     * Stores and checks a bundle, then deploys it in the background. Inline secret values are
     * taken out of its manifest before it is kept, and stored encrypted once it is accepted.
     *
     * @throws io.slipway.buildpacks.bundle.BundleException when the archive is refused
     * @throws io.slipway.buildpacks.manifest.ManifestException when the manifest is invalid
     * @throws QuotaExceededException when the app, the bundle or its instances break the owner's quota
     */
    public Deployment deploy(String appName, InputStream archive, String user) {
        AppService.checkName(appName);
        App existing = apps.find(appName).orElse(null);
        String owner = existing == null ? user : existing.getOwner(); // a first deployment makes the app the user's
        if (existing == null) {
            quotas.checkNewApp(owner);
        }
        List<InlineSecret> inline = new ArrayList<>();
        BundleStore.StoredBundle bundle = storeWithin(archive, owner, root -> {
            inline.addAll(secrets.takeOut(root, appName, fromGit));
            Manifest.read(root); // an invalid bundle is refused before it is kept
        });
        Manifest manifest = Manifest.read(bundle.directory());
        secrets.checkAvailable(appName, manifest, inline);
        quotas.checkInstances(appName, owner, manifest.scaling().minInstances(), manifest.resources());
        apps.ensure(appName, owner);
        if (existing == null) {
            audit.record(AuditLog.Action.CREATE_APP, appName, "created by its first deployment");
        }
        Deployment deployment = deployments.save(new Deployment(UUID.randomUUID().toString(), appName, bundle.digest(),
                user, clock.instant()));
        secrets.keep(appName, inline, deployment.getId());
        audit.record(AuditLog.Action.DEPLOY, appName, "deployment " + deployment.getId() + " of bundle "
                + bundle.digest());
        executor.submit(() -> build(deployment.getId(), bundle, manifest));
        return deployment;
    }

    private BundleStore.StoredBundle storeWithin(InputStream archive, String owner, BundleStore.Preparation prepare) {
        long quota = quotas.maxBundleBytes(owner);
        try {
            return bundles.store(archive, quota, prepare);
        } catch (BundleException e) {
            if (e.kind() == BundleException.Kind.TOO_LARGE && quota < bundles.maxArchiveBytes()
                    && e.entry() == null) {
                throw new QuotaExceededException("maxBundleSize", "quota maxBundleSize (" + quota / (1024 * 1024)
                        + " MB) exceeded: " + e.getMessage());
            }
            throw e;
        }
    }

    /** Rolls an app back to an earlier release: a new release from its artifact, no rebuild. */
    public Deployment rollback(String appName, int toRelease, String user) {
        Release target = releases.get(appName, toRelease);
        secrets.checkAvailable(appName, Manifest.parse(target.getManifest(), Manifest.FILE_NAME), List.of());
        Deployment deployment = deployments.save(new Deployment(UUID.randomUUID().toString(), appName,
                target.getBundleDigest(), user, clock.instant()));
        audit.record(AuditLog.Action.ROLLBACK, appName, "deployment " + deployment.getId() + " back to release v"
                + toRelease);
        executor.submit(() -> run(deployment.getId(), buildLog -> {
            buildLog.accept("-----> rolling app '" + appName + "' back to release v" + toRelease + " (no rebuild)");
            return releases.copyOf(target, user, "rollback to v" + toRelease);
        }));
        return deployment;
    }

    public Deployment get(String app, String id) {
        return deployments.findByAppAndId(app, id).orElseThrow(() ->
                new NotFoundException("app '" + app + "' has no deployment " + id));
    }

    private void build(String deploymentId, BundleStore.StoredBundle bundle, Manifest manifest) {
        run(deploymentId, buildLog -> {
            Deployment deployment = deployments.findById(deploymentId).orElseThrow();
            String app = deployment.getApp();
            buildLog.accept("-----> deploying bundle " + bundle.digest() + " to app '" + app + "'");
            if (!manifest.name().equals(app)) {
                buildLog.accept("       note: slipway.yaml names the app '" + manifest.name() + "'; deploying it as '" + app + "'");
            }
            Release same = releases.latestWithBundle(app, bundle.digest()).orElse(null);
            if (same != null && builder.exists(ReleaseService.artifactOf(same))) {
                buildLog.accept("       this bundle was built before for release v" + same.getNumber() + "; reusing its "
                        + (same.getImage() != null ? "image " + same.getImage() : "directory") + " (no rebuild)");
                return releases.copyOf(same, deployment.getCreatedBy(), "redeploy of bundle " + short12(bundle.digest()));
            }
            move(deploymentId, DeploymentStatus.BUILDING);
            int number = releases.nextNumber(app);
            ReleaseBuilder.Artifact artifact = buildLog.step("building release v" + number + " ("
                    + manifest.model().format().name().toLowerCase() + ")", () -> builder.build(app, number,
                    bundle.directory(), manifest, bundle.digest(), buildLog));
            String manifestText = Files.readString(bundle.directory().resolve(Manifest.FILE_NAME));
            return releases.create(app, number, bundle.digest(), artifact, manifestText, deployment.getCreatedBy(),
                    "deploy of bundle " + short12(bundle.digest()));
        });
    }

    /** Makes a release, then rolls it out, recording each status change. */
    private void run(String deploymentId, ReleaseStep makeRelease) {
        Deployment deployment = deployments.findById(deploymentId).orElseThrow();
        String app = deployment.getApp();
        ReentrantLock lock = rollouts.lockOf(app);
        lock.lock();
        try (BuildLog buildLog = logs.open(deploymentId)) {
            try {
                Release release = makeRelease.make(buildLog);
                move(deploymentId, DeploymentStatus.RELEASING);
                Deployment current = deployments.findById(deploymentId).orElseThrow();
                current.setRelease(release.getNumber());
                deployments.save(current);
                App target = apps.get(app);
                // As many instances as now serve (the autoscaler's count), at least the release's floor and one.
                int count = Math.max(1, Math.max(ReleaseService.minInstances(release), target.getDesiredInstances()));
                buildLog.step("rolling out release v" + release.getNumber() + " on " + count + " instance(s)", () -> {
                    rollout.run(release, count, number -> {
                        target.setCurrentRelease(number);
                        target.setDesiredInstances(count);
                        apps.save(target);
                    }, buildLog);
                    return null;
                });
                // the last line goes first: whoever follows the log stops reading once the status says it is over
                buildLog.accept("=====> release v" + release.getNumber() + " of '" + app + "' is live at /apps/" + app + "/");
                move(deploymentId, DeploymentStatus.LIVE);
            } catch (Exception e) {
                log.warn("deployment {} of '{}' failed: {}", deploymentId, app, e.getMessage());
                Deployment failed = deployments.findById(deploymentId).orElseThrow();
                failed.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
                buildLog.accept("=====> deployment failed: " + failed.getReason());
                deployments.save(failed);
            }
        } finally {
            lock.unlock();
        }
    }

    private void move(String deploymentId, DeploymentStatus status) {
        Deployment deployment = deployments.findById(deploymentId).orElseThrow();
        deployment.move(status, clock.instant());
        deployments.save(deployment);
    }

    private static String short12(String digest) {
        return digest.replace("sha256:", "").substring(0, 12);
    }

    /** The part of a deployment that yields the release to roll out. */
    interface ReleaseStep {
        Release make(BuildLog log) throws Exception;
    }
}
