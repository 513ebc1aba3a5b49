package io.slipway.platform.router;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.Content;

/**
 * One try at sending a client request to one instance, and whether any of it may have reached the
 * instance: request headers written (commit) or body content taken from the client.
 */
final class Attempt implements Request.CommitListener {

    final RoutingTable.Target target;
    private volatile boolean committed;
    private volatile boolean contentTaken;
    private final AtomicBoolean released = new AtomicBoolean();

    Attempt(RoutingTable.Target target) {
        this.target = target;
    }

    @Override
    public void onCommit(Request request) {
        committed = true;
    }

    /** True when nothing of the request was written, so another instance may safely get it. */
    boolean neverReached() {
        return !committed && !contentTaken;
    }

    /** True the first time only: the instance slot is given back once. */
    boolean release() {
        return released.compareAndSet(false, true);
    }

    /**
     * The body, noting when the client's bytes start flowing to the instance. A failure before any
     * byte was taken is not passed on to the client's request, so another attempt can still read it.
     */
    Request.Content track(Request.Content content) {
        return new Request.Content() {
            @Override
            public String getContentType() {
                return content.getContentType();
            }

            @Override
            public long getLength() {
                return content.getLength();
            }

            @Override
            public Content.Chunk read() {
                Content.Chunk chunk = content.read();
                if (chunk != null && chunk.hasRemaining()) {
                    contentTaken = true;
                }
                return chunk;
            }

            @Override
            public void demand(Runnable demandCallback) {
                content.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                fail(failure, true);
            }

            @Override
            public void fail(Throwable failure, boolean last) {
                if (contentTaken) {
                    content.fail(failure, last);
                }
            }

            @Override
            public boolean rewind() {
                return content.rewind();
            }
        };
    }
}
