package io.slipway.buildpacks.manifest;

/**
 * Settings of the built-in {@link ModelFormat#ECHO echo} model, {@code model.echo} in the manifest.
 *
 * @param delayMs how long each inference waits before answering, 0 to 60000 ms (default 0)
 */
public record EchoSpec(int delayMs) {

    /** Checks the range. */
    public EchoSpec {
        Limits.ECHO_DELAY_MS.require("delayMs", delayMs);
    }

}
