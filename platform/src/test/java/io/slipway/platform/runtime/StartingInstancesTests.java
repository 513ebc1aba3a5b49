package io.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A starting instance watched over a real socket: noticed ready within milliseconds, never waited for in vain. */
class StartingInstancesTests {

    private final StartingInstances starting = new StartingInstances(new Readiness(), Duration.ofMillis(10));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void awaitReadyReturnsTheInstanceWithinMillisecondsOfItAnsweringReady() throws Exception {
        AtomicLong readyAt = new AtomicLong(Long.MAX_VALUE);
        Instance instance = instance(serve(() -> System.nanoTime() >= readyAt.get() ? 200 : 503));
        starting.set("iris", List.of(instance));
        // the HTTP client's first request pays for its own start; that is not what is measured here
        assertThat(starting.awaitReady("iris", Duration.ZERO)).isEmpty();
        readyAt.set(System.nanoTime() + Duration.ofMillis(300).toNanos());

        Optional<Instance> ready = starting.awaitReady("iris", Duration.ofSeconds(5));
        long late = System.nanoTime() - readyAt.get();

        assertThat(ready).contains(instance);
        assertThat(Duration.ofNanos(late)).as("noticed after it answered ready").isLessThan(Duration.ofMillis(150));
    }

    @Test
    void awaitReadyGivesUpAfterTheWaitWhenTheInstanceNeverAnswersReady() throws Exception {
        starting.set("iris", List.of(instance(serve(() -> 503))));
        long start = System.nanoTime();

        Optional<Instance> ready = starting.awaitReady("iris", Duration.ofMillis(200));

        assertThat(ready).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @Test
    void awaitReadyReturnsAtOnceWhenNothingIsStarting() throws Exception {
        starting.set("iris", List.of(instance(serve(() -> 200))));
        starting.set("iris", List.of());
        long start = System.nanoTime();

        assertThat(starting.awaitReady("iris", Duration.ofSeconds(5))).isEmpty();
        assertThat(starting.awaitReady("other", Duration.ofSeconds(5))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    private int serve(java.util.function.IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v2/health/ready", exchange -> {
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static Instance instance(int port) {
        return new Instance("iris-v1-a", "iris", 1, port, InstanceState.RUNNING, Instant.now(), "a");
    }
}
