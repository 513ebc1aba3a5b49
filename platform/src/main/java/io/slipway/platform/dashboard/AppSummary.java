package io.slipway.platform.dashboard;

/**
 * One row of the apps list.
 *
 * @param name the app
 * @param status new, deploying, running, degraded, down or failed
 * @param currentRelease the release that serves, null before the first goes live
 * @param readyInstances instances the router sends traffic to
 * @param desiredInstances instances the app should have
 * @param requestsPerSecond requests answered per second over the last minute
 */
public record AppSummary(String name, String status, Integer currentRelease, int readyInstances,
        int desiredInstances, double requestsPerSecond) {

    public String path() {
        return DashboardPaths.app(name);
    }
}
