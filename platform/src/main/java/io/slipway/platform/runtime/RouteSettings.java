package io.slipway.platform.runtime;

import io.slipway.buildpacks.manifest.Access;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.router.RoutingTable;

/** What a release's manifest tells the router about its app, set by the rollout and again by the reconciler. */
final class RouteSettings {

    private RouteSettings() {
    }

    /** Sets the app's timeout and access in the table; returns its per-instance limit ({@code serving.maxConcurrency}). */
    static int apply(RoutingTable table, String app, Manifest manifest) {
        // A little longer than the runtime's own timeout, so its 504 (which says why) reaches the caller.
        table.setTimeout(app, manifest.serving().timeout().plusSeconds(5));
        table.setProtected(app, manifest.access() == Access.TOKEN);
        return manifest.serving().maxConcurrency();
    }
}
