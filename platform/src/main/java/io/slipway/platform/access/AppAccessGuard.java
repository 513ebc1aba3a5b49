package io.slipway.platform.access;

import io.slipway.buildpacks.manifest.Access;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.router.InvokeGuard;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.runtime.InstanceSpecs;

/**
 * The router's check for {@code access: token} apps: an {@code Authorization: Bearer <invoke key>}
 * header with one of the app's keys. Whether an app is protected comes from the routing table (set
 * with each release's instances), or from its current release when the table does not know yet.
 */
final class AppAccessGuard implements InvokeGuard {

    private final RoutingTable table;
    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final InvokeKeys keys;

    AppAccessGuard(RoutingTable table, AppRepository apps, ReleaseRepository releases, InvokeKeys keys) {
        this.table = table;
        this.apps = apps;
        this.releases = releases;
        this.keys = keys;
    }

    @Override
    public String refuse(String app, String authorization) {
        Boolean needsKey = table.isProtected(app);
        if (needsKey == null) {
            needsKey = apps.findById(app).filter(a -> a.getCurrentRelease() != null)
                    .flatMap(a -> releases.findByAppAndNumber(app, a.getCurrentRelease()))
                    .map(r -> InstanceSpecs.manifest(r).access() == Access.TOKEN)
                    .orElse(false); // no release: nothing to protect, the router answers 404/503 anyway
        }
        if (!needsKey) {
            return null;
        }
        if (authorization == null || authorization.isBlank()) {
            return "app '" + app + "' needs an invoke key: send 'Authorization: Bearer <key>'";
        }
        String secret = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null;
        if (!keys.valid(app, secret)) {
            return "the invoke key is not one of app '" + app + "' (revoked, or for another app)";
        }
        return null;
    }
}
