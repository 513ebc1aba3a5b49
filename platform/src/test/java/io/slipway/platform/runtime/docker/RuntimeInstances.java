package io.slipway.platform.runtime.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Talks to a runtime instance over its published loopback port, as the router does. */
final class RuntimeInstances {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RuntimeInstances() {
    }

    /**
     * Waits until {@code GET /v2/health/ready} answers 200; returns how long that took. Gives up
     * at once when {@code running} says the instance has exited.
     */
    static Duration awaitReady(int port, Duration timeout, BooleanSupplier running) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            if (++polls % 25 == 0 && !running.getAsBoolean()) {
                throw new AssertionError("instance on 127.0.0.1:" + port + " exited before it was ready");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url(port, "/v2/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("instance on 127.0.0.1:" + port + " not ready within " + timeout);
    }

    static HttpResponse<String> post(int port, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(port, path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
