package io.slipway.platform.quota;

/** What one owner may use; each limit has the name an error message gives it. */
public record Quota(int maxApps, int maxInstances, double maxCpus, long maxMemoryBytes, long maxBundleBytes) {
}
