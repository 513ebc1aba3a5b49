package io.slipway.platform.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * One app's autoscaler state between ticks (its metric windows, demand history, last request time and the
 * memory of the last decision), so a control loop only feeds observations and asks for decisions.
 */
public final class AppScaler {

    /** How far back the in-flight demand is kept: the longest stable window a policy can have. */
    public static final Duration DEMAND_KEPT = Duration.ofMinutes(5);

    private final Autoscaler autoscaler;
    private final MetricWindow concurrency = new MetricWindow(DEMAND_KEPT);
    private final MetricWindow cpu = new MetricWindow(Duration.ofMinutes(61));
    private final DemandHistory history;
    private ScalerMemory memory = ScalerMemory.NONE;
    private Instant lastRequestAt;
    private boolean cpuSeen;

    /** @param history the app's demand history, seeded from stored per-minute data when there is some */
    public AppScaler(Autoscaler autoscaler, DemandHistory history) {
        this.autoscaler = autoscaler;
        this.history = history;
    }

    public AppScaler(Autoscaler autoscaler) {
        this(autoscaler, new DemandHistory());
    }

    /**
     * Records one tick's observation.
     * @param inFlight requests in flight at the app now, including those the router queues
     * @param requests requests that arrived since the last observation (only "any or none" matters: idle time)
     * @param cpuPercent mean CPU percent over the app's instances, or null when not measured
     */
    public synchronized void observe(Instant at, double inFlight, long requests, Double cpuPercent) {
        concurrency.add(at, inFlight);
        history.add(at, inFlight);
        if (requests > 0 || inFlight > 0) {
            lastRequestAt = at;
        }
        if (cpuPercent != null) {
            cpu.add(at, cpuPercent);
            cpuSeen = true;
        }
    }

    /**
     * Decides the app's count at {@code now} and keeps the decision's memory for the next tick.
     * @param ready instances ready now
     * @param desired the count decided last ({@code App.desiredInstances})
     * @param startupTime how long a new instance of the app takes to become ready (measured, or an estimate)
     */
    public synchronized Decision decide(ScalingPolicy policy, int ready, int desired, Duration startupTime,
            Instant now) {
        if (lastRequestAt == null) {
            lastRequestAt = now; // a fresh platform has not seen the app idle yet: count idle time from here
        }
        Decision d = autoscaler.decide(policy, new AppSnapshot(concurrency, ready, desired, cpuSeen ? cpu : null,
                startupTime, lastRequestAt, history, memory), now);
        memory = d.memory();
        return d;
    }

    /** The app's demand history (what the forecast reads). */
    public DemandHistory history() {
        return history;
    }
}
