package io.slipway.platform.runtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks an instance whether it is ready: {@code GET /v2/health/ready} on 127.0.0.1:port. */
public final class Readiness {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public boolean ready(Instance instance) {
        if (!instance.running() || instance.port() <= 0) {
            return false;
        }
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + instance.port() + "/v2/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
