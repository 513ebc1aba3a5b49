package io.slipway.runtime.http;

import io.slipway.runtime.InferenceException;
import io.slipway.runtime.InferenceException.Kind;
import io.slipway.runtime.metrics.RuntimeMetrics;
import io.slipway.runtime.protocol.V2ResponseWriter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one endpoint on a worker thread in blocking mode, turns every failure into
 * {@code {"error": ...}} with its status, and records the request in the metrics.
 */
final class Endpoint implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(Endpoint.class);

    /** The work of one endpoint; it writes the answer or throws. */
    interface Body {
        void handle(HttpServerExchange exchange) throws Exception;
    }

    private final String name;
    private final Body body;
    private final RuntimeMetrics metrics;
    private final AtomicInteger active;

    /** @param active requests being handled, which a graceful shutdown waits for */
    Endpoint(String name, Body body, RuntimeMetrics metrics, AtomicInteger active) {
        this.name = name;
        this.body = body;
        this.metrics = metrics;
        this.active = active;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        long start = System.nanoTime();
        active.incrementAndGet();
        exchange.startBlocking();
        try {
            body.handle(exchange);
        } catch (InferenceException e) {
            fail(exchange, e);
        } catch (Exception | StackOverflowError e) {
            log.error("{} failed", name, e);
            fail(exchange, new InferenceException(Kind.MODEL_FAILED, "internal error: " + e.getClass().getSimpleName()));
        } finally {
            metrics.request(name, exchange.getStatusCode(), System.nanoTime() - start);
            active.decrementAndGet();
        }
    }

    static void fail(HttpServerExchange exchange, InferenceException e) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        if (e.kind() == Kind.QUEUE_FULL || e.kind() == Kind.UNAVAILABLE) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        }
        if (e.kind() == Kind.PAYLOAD_TOO_LARGE) {
            // The rest of an oversized body is not read; the connection cannot be reused.
            exchange.setPersistent(false);
        }
        HttpExchanges.send(exchange, e.status(), HttpExchanges.JSON, V2ResponseWriter.error(e.getMessage()));
    }
}
