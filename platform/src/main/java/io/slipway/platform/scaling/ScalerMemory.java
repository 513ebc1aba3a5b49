package io.slipway.platform.scaling;

import java.time.Instant;

/**
 * The little an app's decisions carry from one tick to the next, so the {@link Autoscaler} itself stays stateless.
 *
 * @param lastPanicAt the last tick the panic condition held; panic mode lasts a stable window after it
 * @param cpuFloor the instances the CPU rule holds: one more each window CPU stays above its threshold,
 * one fewer each window it stays below
 * @param lastCpuStepAt when the CPU rule last moved its floor; it steps at most once a window
 * @param fewerSince since when the rules have wanted fewer instances than run, null when they do not
 */
public record ScalerMemory(Instant lastPanicAt, int cpuFloor, Instant lastCpuStepAt, Instant fewerSince) {

    /** The memory of an app that has had no decision yet. */
    public static final ScalerMemory NONE = new ScalerMemory(null, 0, null, null);
}
