package io.slipway.platform.app;

/** What decides whether an owner may have one more app (the quotas). */
@FunctionalInterface
public interface NewApps {

    /**
     * Refuses a new app of {@code owner} when it may have no more.
     *
     * @throws RuntimeException naming the limit, answered as a 4xx by the API
     */
    void checkNewApp(String owner);
}
