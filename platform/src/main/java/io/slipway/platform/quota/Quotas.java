package io.slipway.platform.quota;

import io.slipway.buildpacks.manifest.Resources;
import io.slipway.platform.app.App;
import io.slipway.platform.app.AppRepository;
import io.slipway.platform.app.NewApps;
import io.slipway.platform.release.ReleaseRepository;
import io.slipway.platform.runtime.InstanceSpecs;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks what an owner asks for against the owner's quota, counting every other app of the owner
 * at its desired instance count and its current release's limits.
 */
public class Quotas implements NewApps {

    private static final double GIB = 1024d * 1024 * 1024;

    private final AppRepository apps;
    private final ReleaseRepository releases;
    private final QuotaProperties properties;
    private final QuotaOverrideRepository overrides;
    private final Map<String, Resources> resources = new ConcurrentHashMap<>();

    public Quotas(AppRepository apps, ReleaseRepository releases, QuotaProperties properties,
            QuotaOverrideRepository overrides) {
        this.apps = apps;
        this.releases = releases;
        this.properties = properties;
        this.overrides = overrides;
    }

    /** The owner's quota: its own where an admin set one, else everyone's ({@code slipway.quotas.*}). */
    public Quota of(String owner) {
        Quota defaults = properties.quota();
        return owner == null ? defaults : overrides.findById(owner).map(o -> o.over(defaults)).orElse(defaults);
    }

    /** Everyone's quota. */
    public Quota defaults() {
        return properties.quota();
    }


    /** Refuses a new app beyond {@code maxApps}. */
    @Override
    public void checkNewApp(String owner) {
        int max = of(owner).maxApps();
        int owned = owned(owner).size();
        if (owned >= max) {
            throw new QuotaExceededException("maxApps", "quota maxApps (" + max + ") reached: "
                    + (owner == null ? "there are " : "'" + owner + "' has ") + owned + " apps already");
        }
    }

    /** The largest bundle the owner may upload. */
    public long maxBundleBytes(String owner) {
        return of(owner).maxBundleBytes();
    }

    /**
     * Refuses to run {@code instances} instances of {@code app} with {@code limits} when, with the
     * owner's other apps, that breaks a quota.
     */
    public void checkInstances(String app, String owner, int instances, Resources limits) {
        Quota quota = of(owner);
        Totals others = othersOf(app, owner);
        if (others.instances + instances > quota.maxInstances()) {
            throw new QuotaExceededException("maxInstances", "quota maxInstances (" + quota.maxInstances()
                    + ") would be exceeded: " + instances + " instance(s) of '" + app + "' plus " + others.instances
                    + " of " + whose(owner) + " other apps");
        }
        double cpus = others.cpus + instances * limits.cpu();
        if (cpus > quota.maxCpus() + 1e-9) {
            throw new QuotaExceededException("maxCpus", "quota maxCpus (" + quota.maxCpus() + ") would be exceeded: "
                    + instances + " x " + limits.cpu() + " CPU for '" + app + "' plus " + others.cpus
                    + " for " + whose(owner) + " other apps");
        }
        double memory = others.memory + (double) instances * limits.memoryBytes();
        if (memory > quota.maxMemoryBytes()) {
            throw new QuotaExceededException("maxMemory", String.format(java.util.Locale.ROOT,
                    "quota maxMemory (%.1f GiB) would be exceeded: %d x %.2f GiB for '%s' plus %.2f GiB for %s other apps",
                    quota.maxMemoryBytes() / GIB, instances, limits.memoryBytes() / GIB, app, others.memory / GIB,
                    whose(owner)));
        }
    }

    /**
     * How many instances {@code app} may run, at most {@code wanted}: what fits next to the owner's
     * other apps, but never fewer than it runs now ({@code current}); quotas stop growth, they do
     * not take instances away.
     */
    public Allowance allowance(App app, int wanted, int current) {
        if (wanted <= current) {
            return new Allowance(wanted, null);
        }
        Quota quota = of(app.getOwner());
        Totals others = othersOf(app.getName(), app.getOwner());
        Resources limits = resourcesOf(app);
        int byInstances = quota.maxInstances() - others.instances;
        int byCpus = limits.cpu() <= 0 ? Integer.MAX_VALUE : (int) Math.floor((quota.maxCpus() - others.cpus) / limits.cpu() + 1e-9);
        int byMemory = limits.memoryBytes() <= 0 ? Integer.MAX_VALUE
                : (int) Math.floor((quota.maxMemoryBytes() - others.memory) / limits.memoryBytes());
        int fits = Math.min(byInstances, Math.min(byCpus, byMemory));
        if (fits >= wanted) {
            return new Allowance(wanted, null);
        }
        String name = fits == byInstances ? "maxInstances" : fits == byCpus ? "maxCpus" : "maxMemory";
        return new Allowance(Math.max(current, fits), name);
    }

    /** How many instances a quota allows, and which quota held it back (null when none did). */
    public record Allowance(int instances, String heldBackBy) {
    }

    private record Totals(int instances, double cpus, double memory) {
    }

    private Totals othersOf(String app, String owner) {
        int instances = 0;
        double cpus = 0;
        double memory = 0;
        for (App other : owned(owner)) {
            if (other.getName().equals(app) || other.getCurrentRelease() == null) {
                continue;
            }
            Resources limits = resourcesOf(other);
            instances += other.getDesiredInstances();
            cpus += other.getDesiredInstances() * limits.cpu();
            memory += (double) other.getDesiredInstances() * limits.memoryBytes();
        }
        return new Totals(instances, cpus, memory);
    }

    private Resources resourcesOf(App app) {
        Integer release = app.getCurrentRelease();
        if (release == null) {
            return Resources.defaults();
        }
        return resources.computeIfAbsent(app.getName() + "@" + release, key -> releases
                .findByAppAndNumber(app.getName(), release)
                .map(r -> InstanceSpecs.manifest(r).resources())
                .orElse(Resources.defaults()));
    }

    private List<App> owned(String owner) {
        return apps.findAll().stream().filter(a -> Objects.equals(a.getOwner(), owner)).toList();
    }

    private static String whose(String owner) {
        return owner == null ? "the" : "'" + owner + "''s";
    }
}
