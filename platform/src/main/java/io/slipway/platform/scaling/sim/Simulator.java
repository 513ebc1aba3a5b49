package io.slipway.platform.scaling.sim;

import io.slipway.platform.scaling.AppSnapshot;
import io.slipway.platform.scaling.Autoscaler;
import io.slipway.platform.scaling.Decision;
import io.slipway.platform.scaling.DemandHistory;
import io.slipway.platform.scaling.MetricWindow;
import io.slipway.platform.scaling.ScalerMemory;
import io.slipway.platform.scaling.ScalingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Replays a trace in simulated time, tick by tick, against the production {@link Autoscaler}: instances
 * start after the start-up time, serve up to their capacity, and everything above it is counted.
 */
public final class Simulator {

    private final Autoscaler autoscaler;

    public Simulator(Autoscaler autoscaler) {
        this.autoscaler = autoscaler;
    }

    /** A simulator whose schedules are read in UTC. */
    public Simulator() {
        this(new Autoscaler(ZoneOffset.UTC));
    }

    /** The three policies side by side: fixed at the trace's peak, reactive, reactive + predictive. */
    public List<SimulationReport> compare(Trace trace, ScalingPolicy policy, SimulationSettings settings) {
        ScalingPolicy reactive = policy.withPredictive(false);
        ScalingPolicy predictive = policy.withPredictive(true);
        return List.of(fixedAtPeak(trace, policy, settings), run("reactive", trace, reactive, settings),
                run("reactive + predictive", trace, predictive, settings));
    }

    /** As many instances as the trace's peak needs at the target concurrency, all the time. */
    public SimulationReport fixedAtPeak(Trace trace, ScalingPolicy policy, SimulationSettings settings) {
        double latency = seconds(settings.latency());
        int n = Math.max(1, (int) Math.ceil(trace.peak() * latency / policy.targetConcurrency() - 1e-9));
        double stepSeconds = seconds(trace.step()) / settings.timeCompression();
        double over = 0;
        double requests = 0;
        for (double rate : trace.rps()) {
            requests += rate * stepSeconds;
            over += Math.max(0, rate - n * settings.instanceRps()) * stepSeconds;
        }
        return new SimulationReport("fixed at peak (" + n + ")", n * stepSeconds * trace.rps().length, requests, over,
                n, 0, List.of());
    }

    /** Runs the autoscaler with {@code policy} over the trace. */
    public SimulationReport run(String name, Trace trace, ScalingPolicy policy, SimulationSettings settings) {
        Duration tick = policy.tick();
        double latency = seconds(settings.latency());
        Duration step = trace.step().dividedBy(settings.timeCompression());
        long total = trace.length().dividedBy(settings.timeCompression()).toMillis();
        Duration day = Duration.ofDays(1).dividedBy(settings.timeCompression());
        DemandHistory history = policy.predictive()
                ? new DemandHistory(Duration.ofMinutes(1).dividedBy(settings.timeCompression()), day) : null;
        MetricWindow concurrency = new MetricWindow(policy.stableWindow().plus(tick));
        Deque<Instant> starting = new ArrayDeque<>();
        int ready = Math.max(1, policy.minInstances());
        int desired = ready;
        ScalerMemory memory = ScalerMemory.NONE;
        Instant lastRequestAt = null;
        double instanceSeconds = 0;
        double requests = 0;
        double over = 0;
        int peak = ready;
        int events = 0;
        List<String> first = new ArrayList<>();
        for (long t = 0; t < total; t += tick.toMillis()) {
            Instant now = trace.start().plusMillis(t);
            while (!starting.isEmpty() && !starting.peekFirst().isAfter(now)) {
                starting.removeFirst();
                ready++;
            }
            double capacity = ready * settings.instanceRps();
            double arrived = 0;
            long stepMillis = step.toMillis();
            long end = Math.min(total, t + tick.toMillis());
            for (long from = t; from < end;) {
                int i = (int) Math.min(trace.rps().length - 1, from / stepMillis);
                long to = Math.min(end, (from / stepMillis + 1) * stepMillis);
                double seconds = (to - from) / 1000.0;
                arrived += trace.rps()[i] * seconds;
                over += Math.max(0, trace.rps()[i] - capacity) * seconds;
                from = to;
            }
            double rate = arrived / ((end - t) / 1000.0);
            double demand = rate * latency;
            concurrency.add(now, demand);
            if (history != null) {
                history.add(now, demand);
            }
            if (rate > 0) {
                lastRequestAt = now;
            }
            requests += arrived;
            instanceSeconds += (ready + starting.size()) * (end - t) / 1000.0;
            Decision d = autoscaler.decide(policy, new AppSnapshot(concurrency, ready, desired, null,
                    settings.startupTime(), lastRequestAt, history, memory), now);
            memory = d.memory();
            if (d.changes()) {
                events++;
                if (first.size() < settings.firstEvents()) {
                    first.add("t+" + t / 1000 + " s: " + d.reason());
                }
                for (int k = ready + starting.size(); k < d.desired(); k++) {
                    starting.addLast(now.plus(settings.startupTime()));
                }
                for (int k = ready + starting.size(); k > d.desired(); k--) {
                    if (!starting.isEmpty()) {
                        starting.removeLast();
                    } else {
                        ready--;
                    }
                }
                desired = d.desired();
            }
            peak = Math.max(peak, ready + starting.size());
        }
        return new SimulationReport(name, instanceSeconds, requests, over, peak, events, first);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
