package io.slipway.platform.scaling.api;

import io.slipway.platform.app.AppService;
import io.slipway.platform.scaling.store.ScalingEvent;
import io.slipway.platform.scaling.store.ScalingEvents;
import io.slipway.platform.scaling.store.ScalingOverride;
import io.slipway.platform.scaling.store.ScalingPolicies;
import io.slipway.platform.scaling.store.ScalingUpdate;
import io.slipway.platform.web.BadRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/apps/{app}/scaling}: the effective policy, overrides without a redeploy, and the scaling events. */
@RestController
@RequestMapping("/api/v1/apps/{app}/scaling")
class ScalingController {

    private final AppService apps;
    private final ScalingPolicies policies;
    private final ScalingEvents events;

    ScalingController(AppService apps, ScalingPolicies policies, ScalingEvents events) {
        this.apps = apps;
        this.policies = policies;
        this.events = events;
    }

    /** An event as JSON. */
    record EventView(Instant at, int from, int to, int wanted, boolean panic, boolean heldBack, String reason) {
    }

    @GetMapping
    ScalingView get(@PathVariable String app) {
        return ScalingView.of(app, policies.effective(app), overridden(policies.override(app)));
    }

    @PutMapping
    ScalingView put(@PathVariable String app, @RequestBody(required = false) ScalingUpdate update) {
        if (update == null) {
            throw new BadRequestException("the body must be a JSON object of scaling fields to override, e.g. "
                    + "{\"minInstances\": 2, \"scaleToZeroAfter\": \"10m\"}");
        }
        policies.update(app, update);
        return get(app);
    }

    @DeleteMapping
    ScalingView reset(@PathVariable String app) {
        policies.reset(app);
        return get(app);
    }

    @GetMapping("/events")
    List<EventView> events(@PathVariable String app, @RequestParam(defaultValue = "50") int limit) {
        apps.get(app);
        if (limit < 1 || limit > ScalingEvents.MAX_LIMIT) {
            throw new BadRequestException("limit must be 1 to " + ScalingEvents.MAX_LIMIT + ", got " + limit);
        }
        return events.latest(app, limit).stream().map(ScalingController::view).toList();
    }

    private static EventView view(ScalingEvent e) {
        return new EventView(e.getAt(), e.getFromInstances(), e.getToInstances(), e.getWantedInstances(), e.isPanic(),
                e.isHeldBack(), e.getReason());
    }

    private static List<String> overridden(Optional<ScalingOverride> override) {
        List<String> fields = new ArrayList<>();
        override.ifPresent(o -> {
            add(fields, "minInstances", o.getMinInstances());
            add(fields, "maxInstances", o.getMaxInstances());
            add(fields, "targetConcurrency", o.getTargetConcurrency());
            add(fields, "scaleToZeroAfter", o.getScaleToZeroAfterSeconds());
            add(fields, "predictive", o.getPredictive());
            add(fields, "schedule", o.getSchedule());
            add(fields, "stableWindow", o.getStableWindowMillis());
            add(fields, "panicWindow", o.getPanicWindowMillis());
            add(fields, "maxScaleDownRate", o.getMaxScaleDownRate());
            add(fields, "scaleDownDelay", o.getScaleDownDelayMillis());
            add(fields, "cpu", o.getCpuEnabled() != null || o.getCpuScaleUpAbove() != null
                    || o.getCpuScaleDownBelow() != null || o.getCpuWindowSeconds() != null ? Boolean.TRUE : null);
        });
        return fields;
    }

    private static void add(List<String> fields, String name, Object value) {
        if (value != null) {
            fields.add(name);
        }
    }
}
