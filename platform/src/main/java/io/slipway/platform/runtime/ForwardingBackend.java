package io.slipway.platform.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A backend that hands every call to another one; decorators override what they add to. */
public abstract class ForwardingBackend implements RuntimeBackend {

    protected final RuntimeBackend backend;

    protected ForwardingBackend(RuntimeBackend backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public Instance start(InstanceSpec spec) {
        return backend.start(spec);
    }

    @Override
    public void stop(String instanceId, Duration grace) {
        backend.stop(instanceId, grace);
    }

    @Override
    public List<Instance> list() {
        return backend.list();
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return backend.find(instanceId);
    }

    @Override
    public String logs(String instanceId, int lines) {
        return backend.logs(instanceId, lines);
    }

    @Override
    public Optional<Duration> cpuTime(String instanceId) {
        return backend.cpuTime(instanceId);
    }
}
