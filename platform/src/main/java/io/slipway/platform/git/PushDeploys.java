package io.slipway.platform.git;

import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.release.ReleaseService;
import java.time.Duration;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Makes the receive-pack of one push: creating main and moving it forward (or, forced, anywhere)
 * is allowed, deleting refs is not, the pack may be as large as a bundle, and a {@link PushDeploy}
 * deploys what main is about to point at before the ref moves.
 */
public final class PushDeploys {

    private final DeploymentService deployments;
    private final BuildLogs logs;
    private final ReleaseService releases;
    private final GitRepositories repositories;
    private final long maxPackBytes;
    private final Duration keepAlive;

    public PushDeploys(DeploymentService deployments, BuildLogs logs, ReleaseService releases,
            GitRepositories repositories, long maxPackBytes, Duration keepAlive) {
        this.deployments = deployments.forGitPushes(); // a push may not carry secret values
        this.logs = logs;
        this.releases = releases;
        this.repositories = repositories;
        this.maxPackBytes = maxPackBytes;
        this.keepAlive = keepAlive;
    }

    /**
     * A receive-pack for a push to {@code app}'s repository by {@code user}; {@code baseUrl} is how
     * the pusher reaches the platform, for the endpoint shown at the end.
     */
    ReceivePack receivePack(Repository repository, String app, String user, String baseUrl) {
        ReceivePack receive = new ReceivePack(repository);
        receive.setAllowCreates(true);
        receive.setAllowDeletes(false);
        receive.setAllowBranchDeletes(false);
        // git itself refuses a push that is not a fast-forward unless it is forced (git push --force)
        receive.setAllowNonFastForwards(true);
        receive.setCheckReceivedObjects(true);
        receive.setMaxPackSizeLimit(maxPackBytes);
        receive.setRefLogIdent(new PersonIdent(user, user + "@slipway"));
        PushDeploy deploy = new PushDeploy(new PushDeploy.Target(app, user, baseUrl), deployments, logs, releases,
                repositories.lockOf(app), keepAlive);
        receive.setPreReceiveHook(deploy);
        receive.setPostReceiveHook(deploy);
        return receive;
    }
}
