package io.slipway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime as its own process, the way an instance runs it: start, serve, SIGTERM, exit codes. */
class MainProcessTests {

    private static final Pattern READY = Pattern.compile("ready on port (\\d+)");

    @Test
    void sigtermFinishesRequestsInFlightAndExitsWithinTenSeconds(@TempDir Path bundle) throws Exception {
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: slow
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                  echo: { delayMs: 1500 }
                serving:
                  workers: 6
                  maxConcurrency: 8
                """);
        Started runtime = start(bundle);
        Http http = new Http(runtime.port);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Answer>> inFlight = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int id = i;
                inFlight.add(clients.submit(() -> http.postJson("/v2/models/slow/infer",
                        "{\"id\": \"" + id + "\", \"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"shape\": [1, 2], \"data\": [" + id + ", 1]}]}")));
            }
            Thread.sleep(500);
            long signalled = System.nanoTime();
            runtime.process.destroy(); // SIGTERM
            for (int i = 0; i < inFlight.size(); i++) {
                Http.Answer answer = inFlight.get(i).get(15, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.text()).isEqualTo(200);
                assertThat(answer.json().path("outputs").get(0).path("data").get(0).asInt()).isEqualTo(i);
            }
            assertThat(runtime.process.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
            assertThat((System.nanoTime() - signalled) / 1_000_000).isLessThan(10_000);
            assertThat(runtime.process.exitValue()).isEqualTo(143);
        } finally {
            clients.shutdownNow();
            runtime.process.destroyForcibly();
        }
    }

    @Test
    void modelThatFailsToLoadExitsNonZeroWithTheReason() throws Exception {
        Process process = launch(TestRuntimes.fixture("unknown-op"));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(4);
        assertThat(output).contains("cannot serve the model: ONNX Runtime cannot load unknown.onnx");
    }

    @Test
    void modelFileThatIsNotAModelIsRefusedBeforeLoading() throws Exception {
        Process process = launch(TestRuntimes.fixture("broken"));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(output).contains("model.path").contains("is not an ONNX model");
    }

    @Test
    void invalidManifestExitsNonZeroNamingTheField(@TempDir Path bundle) throws Exception {
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: bad
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FLOAT, shape: [-1, 2] } ]
                """);
        Process process = launch(bundle);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(output).contains("model.inputs[0].datatype");
    }

    @Test
    void missingModelDirIsAUsageError() throws Exception {
        Process process = launch(null);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--model-dir is required").contains("usage:");
    }

    record Started(Process process, int port) {
    }

    static Started start(Path bundle) throws IOException {
        Process process = launch(bundle);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                // Keep draining the output so the child never blocks on a full pipe.
                CompletableFuture.runAsync(() -> lines.lines().forEach(l -> { }));
                return new Started(process, Integer.parseInt(ready.group(1)));
            }
        }
        throw new AssertionError("runtime exited before it was ready:\n" + seen);
    }

    static Process launch(Path bundle) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--host", "127.0.0.1"));
        if (bundle != null) {
            command.add("--model-dir");
            command.add(bundle.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        return builder.start();
    }
}
