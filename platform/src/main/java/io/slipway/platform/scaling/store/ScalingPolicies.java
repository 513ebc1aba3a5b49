package io.slipway.platform.scaling.store;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import io.slipway.platform.app.App;
import io.slipway.platform.app.AppService;
import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.quota.Quotas;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.runtime.InstanceSpecs;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The effective scaling policy of an app: its current release's manifest with the API's overrides on top. */
@Service
public class ScalingPolicies {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScalingPolicies.class);

    private final AppService apps;
    private final ReleaseService releases;
    private final ScalingOverrideRepository overrides;
    private final Clock clock;
    private final Quotas quotas;
    private final AuditLog audit;

    public ScalingPolicies(AppService apps, ReleaseService releases, ScalingOverrideRepository overrides,
            Clock clock, Quotas quotas, AuditLog audit) {
        this.audit = audit;
        this.quotas = quotas;
        this.apps = apps;
        this.releases = releases;
        this.overrides = overrides;
        this.clock = clock;
    }

    /** The policy the autoscaler applies to the app now; 404 for an unknown app. */
    @Transactional(readOnly = true)
    public ScalingPolicy effective(String app) {
        Manifest manifest = manifest(apps.get(app));
        Scaling base = manifest == null ? Scaling.defaults() : manifest.scaling();
        Optional<ScalingOverride> override = overrides.findById(app);
        if (override.isEmpty()) {
            return ScalingPolicy.of(base);
        }
        try {
            return policy(base, override.get());
        } catch (IllegalArgumentException e) {
            log.warn("scaling override of {} no longer fits its manifest ({}); using the manifest's", app,
                    e.getMessage());
            return ScalingPolicy.of(base);
        }
    }

    /** The app's override, if an operator set one. */
    @Transactional(readOnly = true)
    public Optional<ScalingOverride> override(String app) {
        apps.get(app);
        return overrides.findById(app);
    }

    /**
     * Merges the update into the app's override, checks the result, stores it and answers the new policy;
     * an {@link InvalidScalingException} naming the field when the result breaks a rule.
     */
    @Transactional
    public ScalingPolicy update(String app, ScalingUpdate update) {
        App found = apps.get(app);
        Manifest manifest = manifest(found);
        Scaling base = manifest == null ? Scaling.defaults() : manifest.scaling();
        ScalingOverride o = overrides.findById(app).orElseGet(() -> new ScalingOverride(app));
        merged(manifest, base, o, update).ifPresent(problem -> {
            throw new InvalidScalingException(problem);
        });
        ScalingPolicy merged = policy(base, o);
        if (manifest != null && merged.minInstances() > found.getDesiredInstances()) {
            quotas.checkInstances(app, found.getOwner(), merged.minInstances(), manifest.resources());
        }
        o.setUpdatedAt(clock.instant());
        overrides.save(o);
        audit.record(AuditLog.Action.SCALING_POLICY, app, update.describe());
        return merged;
    }

    /** The rule {@link #update} would find broken, without storing anything; empty when the update is valid. */
    @Transactional(readOnly = true)
    public Optional<ScalingProblem> check(String app, ScalingUpdate update) {
        Manifest manifest = manifest(apps.get(app));
        Scaling base = manifest == null ? Scaling.defaults() : manifest.scaling();
        ScalingOverride o = new ScalingOverride(app);
        overrides.findById(app).ifPresent(current -> copy(current, o));
        return merged(manifest, base, o, update);
    }

    /** Merges the update into {@code o} and checks the result against the manifest. */
    private static Optional<ScalingProblem> merged(Manifest manifest, Scaling base, ScalingOverride o,
            ScalingUpdate update) {
        try {
            merge(o, update);
            ScalingPolicy merged = policy(base, o);
            if (manifest != null && merged.targetConcurrency() > manifest.serving().maxConcurrency()) {
                throw new IllegalArgumentException("targetConcurrency must be <= serving.maxConcurrency ("
                        + manifest.serving().maxConcurrency() + "), got " + merged.targetConcurrency());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(ScalingProblem.of(e));
        }
    }

    private static void copy(ScalingOverride from, ScalingOverride to) {
        to.setMinInstances(from.getMinInstances());
        to.setMaxInstances(from.getMaxInstances());
        to.setTargetConcurrency(from.getTargetConcurrency());
        to.setScaleToZeroAfterSeconds(from.getScaleToZeroAfterSeconds());
        to.setPredictive(from.getPredictive());
        to.setSchedule(from.getSchedule());
        OverrideTuning.copy(from, to);
    }

    /** Drops the app's override: the manifest's scaling applies again. */
    @Transactional
    public ScalingPolicy reset(String app) {
        apps.get(app);
        overrides.deleteById(app);
        audit.record(AuditLog.Action.SCALING_RESET, app, "back to the manifest's policy");
        return effective(app);
    }

    private Manifest manifest(App app) {
        return app.getCurrentRelease() == null ? null
                : InstanceSpecs.manifest(releases.get(app.getName(), app.getCurrentRelease()));
    }

    private static void merge(ScalingOverride o, ScalingUpdate u) {
        if (u.minInstances() != null) {
            o.setMinInstances(u.minInstances());
        }
        if (u.maxInstances() != null) {
            o.setMaxInstances(u.maxInstances());
        }
        if (u.targetConcurrency() != null) {
            o.setTargetConcurrency(u.targetConcurrency());
        }
        if (u.scaleToZeroAfter() != null) {
            o.setScaleToZeroAfterSeconds(Durations.parse("scaleToZeroAfter", u.scaleToZeroAfter()).toSeconds());
        }
        if (u.predictive() != null) {
            o.setPredictive(u.predictive());
        }
        if (u.schedule() != null) {
            o.setSchedule(ScheduleLines.format(entries(u.schedule())));
        }
        OverrideTuning.merge(o, u);
    }

    private static List<ScheduleEntry> entries(List<ScalingUpdate.Item> items) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ScalingUpdate.Item item = items.get(i);
            String at = "schedule[" + i + "].";
            if (item == null || item.cron() == null || item.minInstances() == null || item.duration() == null) {
                throw new IllegalArgumentException(at + "cron, minInstances and duration are required");
            }
            if (item.cron().chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
                throw new IllegalArgumentException(at + "cron must be on one line, with spaces between fields");
            }
            try {
                entries.add(new ScheduleEntry(item.cron(), item.minInstances(),
                        Durations.parse("duration", item.duration())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
        }
        return entries;
    }

    static Scaling apply(Scaling base, ScalingOverride o) {
        return new Scaling(or(o.getMinInstances(), base.minInstances()), or(o.getMaxInstances(), base.maxInstances()),
                or(o.getTargetConcurrency(), base.targetConcurrency()),
                o.getScaleToZeroAfterSeconds() == null ? base.scaleToZeroAfter()
                        : Duration.ofSeconds(o.getScaleToZeroAfterSeconds()),
                o.getSchedule() == null ? base.schedule() : ScheduleLines.parse(o.getSchedule()),
                OverrideTuning.cpu(base.cpu(), o),
                o.getPredictive() == null ? base.predictive() : o.getPredictive());
    }

    /** The manifest's scaling with the override on top, tuning included. */
    static ScalingPolicy policy(Scaling base, ScalingOverride o) {
        return OverrideTuning.tune(ScalingPolicy.of(apply(base, o)), o);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
