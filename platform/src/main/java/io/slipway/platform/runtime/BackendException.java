package io.slipway.platform.runtime;

/** A backend could not do what it was asked, with the app and instance it concerns. */
public class BackendException extends RuntimeException {

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
