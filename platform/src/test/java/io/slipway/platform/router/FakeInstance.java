package io.slipway.platform.router;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny upstream instance on 127.0.0.1: answers after a delay with its name, counting what it sees. */
final class FakeInstance implements AutoCloseable {

    final String name;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    volatile long delayMillis;
    private final HttpServer server;

    FakeInstance(String name, long delayMillis) throws IOException {
        this.name = name;
        this.delayMillis = delayMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Thread.sleep(delayMillis);
                byte[] answer = (name + " " + exchange.getRequestURI() + " " + body.length)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Request-Id", "upstream-made-this-up");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    RoutingTable.Target target() {
        return new RoutingTable.Target(name, port());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
