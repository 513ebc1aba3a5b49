package io.slipway.platform.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Average CPU use of an app's instances, in percent of their CPU limits, from the CPU time the
 * backend reads from the engine between two samples.
 */
public final class CpuSampler {

    private record Reading(Instant at, Duration cpu) {
    }

    private final RuntimeBackend backend;
    private final Clock clock;
    private final Map<String, Reading> last = new ConcurrentHashMap<>();

    public CpuSampler(RuntimeBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /**
     * The average over {@code instances} since the previous sample of each, empty when no
     * instance has two readings yet.
     *
     * @param cpus the CPU limit of each instance, in cores
     */
    public OptionalDouble sample(List<Instance> instances, double cpus) {
        double sum = 0;
        int counted = 0;
        for (Instance instance : instances) {
            Instant now = clock.instant();
            Reading current = backend.cpuTime(instance.id()).map(cpu -> new Reading(now, cpu)).orElse(null);
            if (current == null) {
                continue;
            }
            Reading previous = last.put(instance.id(), current);
            if (previous == null) {
                continue;
            }
            double wall = Duration.between(previous.at(), current.at()).toNanos();
            if (wall > 0) {
                sum += 100.0 * current.cpu().minus(previous.cpu()).toNanos() / wall / Math.max(cpus, 0.01);
                counted++;
            }
        }
        // Readings of instances that stopped (of any app) age out.
        Instant stale = clock.instant().minus(Duration.ofMinutes(10));
        last.values().removeIf(reading -> reading.at().isBefore(stale));
        return counted == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / counted);
    }
}
