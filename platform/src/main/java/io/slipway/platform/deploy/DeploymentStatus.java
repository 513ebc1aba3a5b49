package io.slipway.platform.deploy;

/** Where a deployment is: received -> building -> releasing -> live | failed. */
public enum DeploymentStatus {
    RECEIVED, BUILDING, RELEASING, LIVE, FAILED;

    public boolean finished() {
        return this == LIVE || this == FAILED;
    }
}
