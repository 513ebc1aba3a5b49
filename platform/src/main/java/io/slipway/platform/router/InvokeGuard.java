package io.slipway.platform.router;

/** Decides whether a call may reach an app's model ({@code access: token} apps need an invoke key). */
public interface InvokeGuard {

    /** Lets every call through: apps are public. */
    InvokeGuard OPEN = (app, authorization) -> null;

    /**
     * Null when the call may go on; else why not, for the 401 answer.
     *
     * @param authorization the request's {@code Authorization} header, or null
     */
    String refuse(String app, String authorization);
}
