package io.slipway.buildpacks.manifest;

/**
 * The CPU and memory one instance gets, {@code resources} in the manifest. Memory is written as a
 * Kubernetes-style quantity: {@code 512Mi}, {@code 1Gi} (binary), {@code 500M}, {@code 1G}
 * (decimal) or a plain number of bytes.
 *
 * @param cpu cores, 0.1 to 64 (default 1.0); {@code 500m} (millicores) is accepted too
 * @param memoryBytes memory in bytes, 64Mi to 1Ti (default 1Gi)
 */
public record Resources(double cpu, long memoryBytes) {

    /** Checks the ranges. */
    public Resources {
        Limits.CPU.require("cpu", cpu);
        Limits.MEMORY.require("memory", memoryBytes);
    }

    /**
     * Returns the resources used when the manifest has no {@code resources} section.
     * @return one core and 1Gi
     */
    public static Resources defaults() {
        return new Resources(1.0, Limits.GI);
    }

}
