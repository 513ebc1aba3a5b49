package io.slipway.platform.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where instances run: Docker containers, child JVMs, Swarm services. One interface, one
 * contract test that every implementation passes. Backends start and stop; whether an instance
 * is ready is asked of the instance itself ({@code /v2/health/ready} on its port).
 */
public interface RuntimeBackend {

    /** {@code docker}, {@code process}, ... */
    String name();

    /**
     * Starts an instance and returns at once, without waiting for readiness.
     *
     * @throws BackendException when the instance cannot be started
     */
    Instance start(InstanceSpec spec);

    /**
     * Stops an instance: SIGTERM, up to {@code grace} to finish in-flight requests, then kill;
     * removes what it leaves behind. Stopping an instance that is gone is not an error.
     */
    void stop(String instanceId, Duration grace);

    /**
     * Every instance this backend runs for Slipway, including those started before a platform
     * restart (found again by their labels), in any state.
     */
    List<Instance> list();

    /** One instance, if this backend knows it. */
    Optional<Instance> find(String instanceId);

    /** The last {@code lines} lines the instance printed (stdout and stderr). */
    String logs(String instanceId, int lines);

    /**
     * The CPU time the instance has used since it started, read from the engine (container
     * statistics, the process table); empty when unknown.
     */
    default Optional<Duration> cpuTime(String instanceId) {
        return Optional.empty();
    }
}
