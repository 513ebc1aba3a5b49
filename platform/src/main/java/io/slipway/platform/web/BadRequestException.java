package io.slipway.platform.web;

/** The request itself is wrong (400), with a message that says how. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
