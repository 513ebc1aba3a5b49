package io.slipway.runtime;

import static io.slipway.runtime.TestRuntimes.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.manifest.Batching;
import io.slipway.runtime.tensor.DataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Dynamic batching, the bounded queue and timeouts, over real sockets with the echo model. */
class SchedulingTests {

    @Test
    void concurrentRequestsAreBatchedAndEachCallerGetsItsOwnRows() throws Exception {
        try (ModelRuntime runtime = TestRuntimes.echo(List.of(input("x", DataType.INT64, -1, 3)), Duration.ofMillis(20),
                TestRuntimes.serving(new Batching(16, 10), 32, 64, Duration.ofSeconds(20)))) {
            Http http = new Http(runtime.port());
            ExecutorService clients = Executors.newFixedThreadPool(24);
            try {
                List<Future<String>> answers = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                for (int caller = 0; caller < 24; caller++) {
                    int id = caller;
                    int rows = 1 + caller % 3;
                    answers.add(clients.submit(() -> {
                        go.await();
                        StringBuilder data = new StringBuilder();
                        for (int r = 0; r < rows; r++) {
                            data.append(r == 0 ? "" : ",").append(id * 1000 + r).append(",").append(-id).append(",").append(r);
                        }
                        String body = "{\"id\": \"c" + id + "\", \"inputs\": [{\"name\": \"x\", \"datatype\": \"INT64\", "
                                + "\"shape\": [" + rows + ", 3], \"data\": [" + data + "]}]}";
                        Http.Answer answer = http.postJson("/v2/models/echo/infer", body);
                        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                        assertThat(answer.json().path("id").asText()).isEqualTo("c" + id);
                        assertThat(answer.json().path("outputs").get(0).path("shape").toString()).isEqualTo("[" + rows + ",3]");
                        assertThat(answer.json().path("outputs").get(0).path("data").toString()).isEqualTo("[" + data + "]");
                        return answer.text();
                    }));
                }
                go.countDown();
                for (Future<String> answer : answers) {
                    answer.get();
                }
            } finally {
                clients.shutdownNow();
            }
            String metrics = http.get("/metrics").text();
            double calls = metric(metrics, "slipway_runtime_batch_size_count");
            double rows = metric(metrics, "slipway_runtime_batch_size_sum");
            // 24 callers with 1-3 rows each: 48 rows (warm-up runs are not counted), in far fewer engine calls.
            assertThat(rows).isEqualTo(48);
            assertThat(calls).isLessThan(12);
        }
    }

    @Test
    void withoutBatchingEveryRequestIsOneEngineCall() throws Exception {
        try (ModelRuntime runtime = TestRuntimes.echo(List.of(input("x", DataType.FP32, -1, 1)), Duration.ofMillis(5),
                TestRuntimes.serving(null, 8, 16, Duration.ofSeconds(20)))) {
            Http http = new Http(runtime.port());
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Http.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(clients.submit(() -> http.postJson("/v2/models/echo/infer",
                            "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 1], \"data\": [1]}]}")));
                }
                for (Future<Http.Answer> answer : answers) {
                    assertThat(answer.get().status()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            String metrics = http.get("/metrics").text();
            assertThat(metric(metrics, "slipway_runtime_batch_size_count")).isEqualTo(8);
            assertThat(metric(metrics, "slipway_runtime_batch_size_sum")).isEqualTo(8);
        }
    }

    @Test
    void fullQueueAnswers503WithRetryAfterAndNeverHangs() throws Exception {
        try (ModelRuntime runtime = TestRuntimes.echo(List.of(input("x", DataType.FP32, -1, 1)), Duration.ofMillis(500),
                TestRuntimes.serving(null, 1, 1, Duration.ofSeconds(20)))) {
            Http http = new Http(runtime.port());
            String body = "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 1], \"data\": [1]}]}";
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<Http.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(clients.submit(() -> http.postJson("/v2/models/echo/infer", body)));
                }
                int ok = 0;
                int full = 0;
                for (Future<Http.Answer> future : answers) {
                    Http.Answer answer = future.get();
                    if (answer.status() == 200) {
                        ok++;
                    } else {
                        assertThat(answer.status()).isEqualTo(503);
                        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                        assertThat(answer.error()).contains("at capacity (2 requests");
                        full++;
                    }
                }
                assertThat(ok).isGreaterThanOrEqualTo(2);
                assertThat(full).isGreaterThanOrEqualTo(1);
            } finally {
                clients.shutdownNow();
            }
            assertThat(http.postJson("/v2/models/echo/infer", body).status()).isEqualTo(200);
        }
    }

    @Test
    void requestPastItsTimeoutAnswers504() {
        try (ModelRuntime runtime = TestRuntimes.echo(List.of(input("x", DataType.FP32, -1, 1)), Duration.ofMillis(1500),
                TestRuntimes.serving(null, 4, 4, Duration.ofSeconds(1)))) {
            Http http = new Http(runtime.port());
            long start = System.nanoTime();
            Http.Answer answer = http.postJson("/v2/models/echo/infer",
                    "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 1], \"data\": [1]}]}");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).isEqualTo(504);
            assertThat(answer.error()).isEqualTo("the inference did not finish within 1000 ms");
            assertThat(millis).isBetween(900L, 1400L);
        }
    }

    @Test
    void failingModelAnswers500AndKeepsServing() {
        try (ModelRuntime runtime = ModelRuntime.start("127.0.0.1", 0, TestRuntimes.serving(null, 4, 4, Duration.ofSeconds(5)),
                List.of(), () -> new FailingAfterWarmUp(List.of(input("x", DataType.FP32, -1, 1))))) {
            Http http = new Http(runtime.port());
            for (int i = 0; i < 3; i++) {
                Http.Answer answer = http.postJson("/v2/models/failing/infer",
                        "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 1], \"data\": [1]}]}");
                assertThat(answer.status()).isEqualTo(500);
                assertThat(answer.error()).isEqualTo("the model failed: the echo model was told to fail");
            }
            assertThat(http.get("/v2/health/live").status()).isEqualTo(200);
            assertThat(http.get("/metrics").text()).containsPattern("slipway_runtime_requests_total\\{code=\"500\",endpoint=\"infer\"} 3");
        }
    }

    static double metric(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
