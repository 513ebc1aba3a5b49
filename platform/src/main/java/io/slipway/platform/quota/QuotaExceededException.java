package io.slipway.platform.quota;

/** A deploy, a policy change or an upload would break a quota; {@link #quota()} names it. */
public class QuotaExceededException extends RuntimeException {

    private final String quota;

    public QuotaExceededException(String quota, String message) {
        super(message);
        this.quota = quota;
    }

    /** The quota's name: {@code maxApps}, {@code maxInstances}, {@code maxCpus}, {@code maxMemory}, {@code maxBundleSize}. */
    public String quota() {
        return quota;
    }
}
