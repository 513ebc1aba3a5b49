package io.slipway.platform.git;

import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.deploy.DeploymentStatus;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.runtime.InstanceSpecs;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.PostReceiveHook;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook of one push, run after the pack is in and before any ref moves: main's new tree is
 * deployed through the usual pipeline while its build log streams to the pusher; when the
 * manifest or the build fails the command is rejected, so git fails and main stays where it was.
 * Other branches and tags are refused: only main deploys, and the repository holds what is live.
 * The app's push lock is held from checking main to moving it (released after the update).
 */
final class PushDeploy implements PreReceiveHook, PostReceiveHook {

    private static final Logger log = LoggerFactory.getLogger(PushDeploy.class);

    /** Where a push goes and who makes it. */
    record Target(String app, String user, String baseUrl) {
    }

    private final Target target;
    private final DeploymentService deployments;
    private final BuildLogs logs;
    private final ReleaseService releases;
    private final ReentrantLock lock;
    private final Duration keepAlive;

    PushDeploy(Target target, DeploymentService deployments, BuildLogs logs, ReleaseService releases,
            ReentrantLock lock, Duration keepAlive) {
        this.target = target;
        this.deployments = deployments;
        this.logs = logs;
        this.releases = releases;
        this.lock = lock;
        this.keepAlive = keepAlive;
    }

    @Override
    public void onPreReceive(ReceivePack receive, Collection<ReceiveCommand> commands) {
        RemoteMessages remote = new RemoteMessages(receive.getMessageOutputStream());
        for (ReceiveCommand command : commands) {
            if (!command.getRefName().equals(GitRepositories.MAIN)) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "only main deploys; push to it with: git push <remote> HEAD:main");
            } else if (command.getType() == ReceiveCommand.Type.DELETE) {
                command.setResult(ReceiveCommand.Result.REJECTED_NODELETE, "main cannot be deleted; delete the app instead");
            } else {
                deploy(receive, command, remote);
            }
        }
    }

    @Override
    public void onPostReceive(ReceivePack receive, Collection<ReceiveCommand> commands) {
        while (lock.isHeldByCurrentThread()) {
            lock.unlock();
        }
    }

    private void deploy(ReceivePack receive, ReceiveCommand command, RemoteMessages remote) {
        if (!lock.tryLock()) {
            remote.line("-----> waiting for another push to '" + target.app() + "' to finish");
            lock.lock();
        }
        try {
            Ref main = receive.getRepository().exactRef(GitRepositories.MAIN);
            ObjectId current = main == null ? ObjectId.zeroId() : main.getObjectId();
            if (!current.equals(command.getOldId())) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                        "main moved while you pushed; fetch and push again");
                return;
            }
        } catch (IOException e) {
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "cannot read main: " + e.getMessage());
            return;
        }
        remote.line("-----> received " + command.getNewId().abbreviate(10).name() + " for app '" + target.app()
                + "'; unpacking its tree as the bundle");
        Deployment deployment = start(receive, command, remote);
        if (deployment != null) {
            follow(command, deployment, remote);
        }
    }

    /** Hands the pushed tree to the deploy pipeline; null (and the command rejected) when it refuses it. */
    private Deployment start(ReceivePack receive, ReceiveCommand command, RemoteMessages remote) {
        TreeArchive archive;
        try {
            archive = TreeArchive.of(receive.getRepository(), command.getNewId());
        } catch (IOException e) {
            refuse(command, remote, "the pushed tree cannot be read", String.valueOf(e.getMessage()));
            return null;
        }
        try {
            return deployments.deploy(target.app(), archive, target.user());
        } catch (ManifestException e) {
            refuse(command, remote, "slipway.yaml is invalid", e.getMessage());
        } catch (BundleException e) {
            // read before the pipe closes: a failure after that is the writer seeing it close
            String why = archive.failure().map(Exception::getMessage).orElse(e.getMessage());
            refuse(command, remote, "the pushed tree is not a valid bundle", why);
        } catch (RuntimeException e) {
            log.warn("push to '{}' could not be deployed", target.app(), e);
            refuse(command, remote, "the push could not be deployed", String.valueOf(e.getMessage()));
        } finally {
            archive.close();
        }
        return null;
    }

    /** Streams the build log until the deployment is live or failed, then reports how it ended. */
    private void follow(ReceiveCommand command, Deployment started, RemoteMessages remote) {
        String app = target.app();
        try {
            logs.follow(started.getId(), remote, () -> {
                remote.keepAlive(keepAlive.toSeconds(), "       ... still working");
                return deployments.get(app, started.getId()).getStatus().finished();
            });
        } catch (IOException e) {
            log.debug("build log of {} not followed to the end", started.getId(), e);
        }
        Deployment finished = deployments.get(app, started.getId());
        if (finished.getStatus() != DeploymentStatus.LIVE) {
            // the build log above has told why, in full
            String why = String.valueOf(finished.getReason()).lines().findFirst().orElse("").replaceAll(":$", "");
            remote.line("=====> push rejected: main stays at " + command.getOldId().abbreviate(10).name());
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "deployment failed: " + why);
            return;
        }
        int number = finished.getRelease();
        String model = InstanceSpecs.manifest(releases.get(app, number)).model().name();
        String base = target.baseUrl() + "/apps/" + app;
        remote.line("");
        remote.line("=====> released v" + number + " of '" + app + "'");
        remote.line("       endpoint: " + base + "/v2/models/" + model + "/infer");
        remote.line("       app:      " + base + "/");
    }

    private static void refuse(ReceiveCommand command, RemoteMessages remote, String what, String why) {
        remote.line("");
        remote.line("=====> push rejected: " + what + ":");
        why.lines().forEach(line -> remote.line("       " + line));
        String first = why.lines().findFirst().orElse(what);
        long more = why.lines().count() - 1;
        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                first + (more > 0 ? " (and " + more + " more, see above)" : ""));
    }
}
