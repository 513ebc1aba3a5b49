package io.slipway.platform.dashboard;

/**
 * Where the dashboard's pages are. App pages live under {@code /dashboard/apps/{app}}, not
 * {@code /apps/{app}}: every {@code /apps/...} path belongs to the router (the app's own traffic).
 */
public final class DashboardPaths {

    /** The prefix of the pages about one app. */
    public static final String APPS = "/dashboard/apps";

    private DashboardPaths() {
    }

    public static String app(String app) {
        return APPS + "/" + app;
    }

    public static String scaling(String app) {
        return app(app) + "/scaling";
    }

    public static String deployment(String app, String deploymentId) {
        return app(app) + "/deployments/" + deploymentId;
    }
}
