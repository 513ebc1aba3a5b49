package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.PlatformHarness.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/apps/{app}/metrics} on a real iris deployed on the process backend, with real traffic through the router. */
class MetricsApiTests {

    static final String APP = "charts-metrics";
    static final String INFER = "{\"inputs\": [{\"name\": \"input\", \"datatype\": \"FP32\", \"shape\": [1, 4], "
            + "\"data\": [5.1, 3.5, 1.4, 0.2]}]}";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static PlatformHarness platform;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process");
        JsonNode deployment = platform.deploy(APP, PlatformHarness.repository().resolve("sample-apps/iris-onnx"));
        assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
    }

    @AfterAll
    static void stop() {
        platform.delete("/api/v1/apps/" + APP); // process instances outlive the platform (it adopts them on restart)
        platform.close();
    }

    @Test
    void seriesShowTheRequestsSentThroughTheRouterWithTheirLatency() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertThat(platform.postJson("/apps/" + APP + "/v2/models/iris/infer", INFER).status()).isEqualTo(200);
        }
        assertThat(platform.postJson("/apps/" + APP + "/v2/models/nope/infer", INFER).status()).isEqualTo(404);
        Thread.sleep(2500); // the last bucket completes

        JsonNode m = metrics("15m", n -> true);
        JsonNode traffic = m.path("traffic");
        double requests = 0;
        double maxP50 = 0;
        double maxP99 = 0;
        for (int i = 0; i < traffic.path("t").size(); i++) {
            requests += traffic.path("requestsPerSecond").get(i).asDouble() * 2;
            maxP50 = Math.max(maxP50, traffic.path("p50Millis").get(i).asDouble());
            maxP99 = Math.max(maxP99, traffic.path("p99Millis").get(i).asDouble());
        }
        assertThat(m.path("step").asText()).isEqualTo("2s");
        // every 2 s bucket since the router first saw the app (the platform is younger than the window)
        assertThat(traffic.path("t").size()).isBetween(2, 451);
        for (int i = 1; i < traffic.path("t").size(); i++) {
            assertThat(traffic.path("t").get(i).asLong() - traffic.path("t").get(i - 1).asLong()).isEqualTo(2000);
        }
        assertThat(traffic.path("requestsPerSecond").size()).isEqualTo(traffic.path("t").size());
        assertThat(requests).isGreaterThanOrEqualTo(41);
        assertThat(maxP50).isGreaterThan(0);
        assertThat(maxP99).isGreaterThanOrEqualTo(maxP50);
        assertThat(m.path("now").path("p99Millis").asDouble()).isGreaterThan(0);
        assertThat(m.path("now").path("ready").asInt()).isEqualTo(1);
        JsonNode instances = m.path("instances");
        assertThat(instances.path("t").size()).isGreaterThan(1);
        assertThat(instances.path("ready").get(instances.path("ready").size() - 1).asInt()).isEqualTo(1);
    }

    @Test
    void aPolicyChangeShowsAsAScalingEventAndMoreReadyInstances() throws Exception {
        Answer put = platform.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/apps/" + APP + "/scaling")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"minInstances\": 2}")));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        try {
            JsonNode m = metrics("1h", n -> {
                JsonNode ready = n.path("instances").path("ready");
                return n.path("events").size() > 0 && ready.get(ready.size() - 1).asInt() == 2;
            });
            JsonNode event = m.path("events").get(0);
            assertThat(event.path("from").asInt()).isEqualTo(1);
            assertThat(event.path("to").asInt()).isEqualTo(2);
            assertThat(event.path("reason").asText()).isNotBlank();
            assertThat(event.path("t").asLong()).isGreaterThan(m.path("instances").path("t").get(0).asLong());
            assertThat(m.path("window").asText()).isEqualTo("1h");
            JsonNode desired = m.path("instances").path("desired");
            assertThat(desired.get(desired.size() - 1).asInt()).isEqualTo(2);
        } finally {
            platform.delete("/api/v1/apps/" + APP + "/scaling");
        }
    }

    @Test
    void anUnknownAppIsAProblem404AndABadWindowA400() {
        Answer unknown = platform.get("/api/v1/apps/charts-nope/metrics");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));

        Answer tooLong = platform.get("/api/v1/apps/" + APP + "/metrics?window=2h");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("window must be 1m to 1h");
        assertThat(platform.get("/api/v1/apps/" + APP + "/metrics?window=soon").status()).isEqualTo(400);
    }

    /** Polls the metrics until {@code ready} holds (60 s at most). */
    static JsonNode metrics(String window, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode m;
        do {
            Answer a = platform.get("/api/v1/apps/" + APP + "/metrics?window=" + window);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            m = JSON.readTree(a.body());
            if (ready.test(m)) {
                return m;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("metrics never satisfied the condition: " + m);
    }
}
