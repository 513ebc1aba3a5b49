package io.slipway.runtime;

/**
 * Keeps DJL from calling home: it reaches a link-local metadata address and a telemetry URL
 * when an engine loads unless told not to, and it must not download engines either.
 */
public final class DjlOffline {

    private DjlOffline() {
    }

    /** Sets the switches DJL reads, before any DJL engine class loads. */
    public static void enforce() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("offline", "true");
        // DJL's ONNX Runtime engine would otherwise start PyTorch as a helper for NDArray
        // operations the runtime never uses, adding about half a second to every start.
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
    }
}
