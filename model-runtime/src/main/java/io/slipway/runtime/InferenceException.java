package io.slipway.runtime;

/**
 * A request the runtime could not serve, with the HTTP status that tells the caller why.
 * The message is sent to the caller as {@code {"error": message}}, so it names the offending
 * input and never leaks internals.
 */
public final class InferenceException extends RuntimeException {

    /** Why a request failed; each kind has one HTTP status. */
    public enum Kind {
        BAD_INPUT(400),
        NOT_FOUND(404),
        METHOD_NOT_ALLOWED(405),
        PAYLOAD_TOO_LARGE(413),
        UNSUPPORTED_MEDIA_TYPE(415),
        MODEL_FAILED(500),
        UNAVAILABLE(503),
        QUEUE_FULL(503),
        TIMEOUT(504);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public InferenceException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public InferenceException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, true);
        this.kind = kind;
    }

    public static InferenceException badInput(String message) {
        return new InferenceException(Kind.BAD_INPUT, message);
    }

    public static InferenceException notFound(String message) {
        return new InferenceException(Kind.NOT_FOUND, message);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }
}
