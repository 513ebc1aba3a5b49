package io.slipway.platform.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

/**
 * A request body sent in two halves on command, so a request can be kept in flight. It never
 * blocks the client's threads (a blocking body stream can hold back the request's headers too).
 */
final class HeldRequestBody implements Flow.Publisher<ByteBuffer> {

    private final SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
    private final byte[] bytes;

    HeldRequestBody(String body) {
        this.bytes = body.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        publisher.subscribe(subscriber);
    }

    /** Whether the client has started sending (halves sent before that would be lost). */
    boolean subscribed() {
        return publisher.hasSubscribers();
    }

    void sendHead() {
        publisher.submit(ByteBuffer.wrap(bytes, 0, bytes.length / 2));
    }

    void sendRest() {
        publisher.submit(ByteBuffer.wrap(bytes, bytes.length / 2, bytes.length - bytes.length / 2));
        publisher.close();
    }
}
