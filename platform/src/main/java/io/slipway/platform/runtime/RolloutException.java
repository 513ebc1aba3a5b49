package io.slipway.platform.runtime;

/** A new release's instances did not become ready; the old release keeps serving. */
public class RolloutException extends RuntimeException {

    public RolloutException(String message) {
        super(message);
    }
}
