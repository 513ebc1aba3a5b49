package io.slipway.platform.runtime;

/** Whether an instance's process or container still runs. Readiness is asked of the instance. */
public enum InstanceState {
    RUNNING,
    EXITED
}
