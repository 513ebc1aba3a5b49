package io.slipway.platform.metering;

import io.slipway.platform.runtime.ForwardingBackend;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.RuntimeBackend;
import java.time.Clock;
import java.time.Duration;

/** A backend whose starts and stops are metered the moment they happen. */
public final class MeteredBackend extends ForwardingBackend {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeteredBackend.class);

    private final UsageMeter meter;
    private final Clock clock;

    public MeteredBackend(RuntimeBackend backend, UsageMeter meter, Clock clock) {
        super(backend);
        this.meter = meter;
        this.clock = clock;
    }

    @Override
    public Instance start(InstanceSpec spec) {
        Instance instance = backend.start(spec);
        try {
            meter.started(instance, spec);
        } catch (RuntimeException e) {
            // never fail a start over its metering: the next sync records the instance
            log.warn("metering the start of {} failed: {}", instance.id(), e.toString());
        }
        return instance;
    }

    @Override
    public void stop(String instanceId, Duration grace) {
        meter.stopping(instanceId);
        try {
            backend.stop(instanceId, grace);
        } catch (RuntimeException e) {
            meter.stopFailed(instanceId); // it may still run: the next sync tells
            throw e;
        }
        try {
            meter.stopped(instanceId, clock.instant());
        } catch (RuntimeException e) {
            // never fail a stop over its metering: the next sync closes the lifetime where last seen
            log.warn("metering the stop of {} failed: {}", instanceId, e.toString());
        }
    }

}
