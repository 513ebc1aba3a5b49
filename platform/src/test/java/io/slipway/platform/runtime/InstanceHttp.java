package io.slipway.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Real HTTP to an instance's runtime on 127.0.0.1, as a router would talk to it. */
final class InstanceHttp {

    static final String IRIS_REQUEST = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\","
            + "\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]}";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** The status of a GET, or -1 when nothing answers. */
    int status(int port, String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5)).GET().build()).body();
    }

    HttpResponse<String> infer(int port) {
        return send(inferRequest(port, HttpRequest.BodyPublishers.ofString(IRIS_REQUEST)));
    }

    /** An inference whose body comes from {@code body} (chunked, as it has no length). */
    CompletableFuture<HttpResponse<String>> inferAsync(int port, Flow.Publisher<ByteBuffer> body) {
        return client.sendAsync(inferRequest(port, HttpRequest.BodyPublishers.fromPublisher(body)),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest inferRequest(int port, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(uri(port, "/v2/models/iris/infer"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(body)
                .build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
