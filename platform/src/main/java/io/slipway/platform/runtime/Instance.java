package io.slipway.platform.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A running (or exited) instance as its backend sees it.
 *
 * @param id the instance id given at start
 * @param app the app it serves
 * @param release the release it runs
 * @param port the port on 127.0.0.1 where its runtime listens; 0 while unknown
 * @param state whether it still runs
 * @param startedAt when it was started
 * @param backendId the backend's own handle (container id, process id)
 */
public record Instance(String id, String app, int release, int port, InstanceState state, Instant startedAt,
        String backendId) {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean running() {
        return state == InstanceState.RUNNING;
    }
}
