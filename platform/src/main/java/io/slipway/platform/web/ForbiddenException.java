package io.slipway.platform.web;

/** A request the caller may not make (HTTP 403); used only where the thing's existence is no secret. */
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
