package io.slipway.runtime.bench;

import io.slipway.buildpacks.manifest.Batching;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ServingSpec;
import io.slipway.runtime.DjlOffline;
import io.slipway.runtime.ModelRuntime;
import io.slipway.runtime.model.ModelLoader;
import io.slipway.runtime.tensor.Shapes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Throughput of one model with dynamic batching off and on, same run, same clients: each of
 * {@code clients} threads sends one-image V2 infer requests (binary tensor data) back to back.
 *
 * <p>{@code bench/runtime-batching.sh [seconds] [clients]}
 */
public final class BatchingBench {

    private BatchingBench() {
    }

    public static void main(String[] args) throws Exception {
        DjlOffline.enforce();
        Path bundle = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Manifest manifest = Manifest.read(bundle);
        var input = ModelLoader.load(bundle, manifest).metadata().inputs().get(0);
        long[] shape = Shapes.concrete(input.shape(), 1);
        int bytes = Math.toIntExact(Shapes.elementCount(shape) * 4);
        ByteBuffer image = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(1);
        while (image.hasRemaining()) {
            image.putFloat(random.nextFloat());
        }
        String header = "{\"inputs\":[{\"name\":\"" + input.name() + "\",\"datatype\":\"FP32\",\"shape\":"
                + Shapes.format(shape) + ",\"parameters\":{\"binary_data_size\":" + bytes + "}}],"
                + "\"outputs\":[{\"name\":\"output0\",\"parameters\":{\"binary_data\":true}}]}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[json.length + bytes];
        System.arraycopy(json, 0, body, 0, json.length);
        System.arraycopy(image.array(), 0, body, json.length, bytes);

        System.out.printf("%s, input %s, %d clients, %d s per mode, 1 engine worker%n", bundle.getFileName(),
                Shapes.format(shape), clients, seconds);
        System.out.printf("%-22s %10s %10s %10s %12s%n", "mode", "req/s", "p50 (ms)", "p99 (ms)", "avg batch");
        double off = run("batching off", null, bundle, manifest, body, json.length, seconds, clients);
        double on = run("batching on (16, 5ms)", new Batching(16, 5), bundle, manifest, body, json.length, seconds, clients);
        System.out.printf("batching on / off throughput: %.2fx%n", on / off);
    }

    private static double run(String mode, Batching batching, Path bundle, Manifest manifest, byte[] body, int jsonLength,
            int seconds, int clients) throws Exception {
        ServingSpec serving = new ServingSpec(batching, 1, clients, 64, Duration.ofSeconds(120), 64L << 20);
        try (ModelRuntime runtime = ModelRuntime.start("127.0.0.1", 0, serving, List.of(),
                () -> ModelLoader.load(bundle, manifest))) {
            String path = "/v2/models/" + manifest.model().name() + "/infer";
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread thread = new Thread(() -> {
                    try (RawHttpClient client = new RawHttpClient(runtime.port(), path, "application/octet-stream", body,
                            "Inference-Header-Content-Length", Integer.toString(jsonLength))) {
                        while (running.get()) {
                            long start = System.nanoTime();
                            if (client.call() != 200) {
                                throw new IllegalStateException("infer failed");
                            }
                            if (measuring.get()) {
                                latencies.add(System.nanoTime() - start);
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(Math.min(5000, seconds * 250L));
            String before = metricsOf(runtime.port());
            measuring.set(true);
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - start) / 1e9;
            String after = metricsOf(runtime.port());
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            double calls = metric(after, "slipway_runtime_batch_size_count") - metric(before, "slipway_runtime_batch_size_count");
            double rows = metric(after, "slipway_runtime_batch_size_sum") - metric(before, "slipway_runtime_batch_size_sum");
            long[] samples = latencies.stream().mapToLong(Long::longValue).toArray();
            Percentiles p = new Percentiles(samples);
            double throughput = samples.length / elapsed;
            System.out.printf("%-22s %10.1f %10.1f %10.1f %12.2f%n", mode, throughput, p.micros(50) / 1000,
                    p.micros(99) / 1000, rows / calls);
            return throughput;
        }
    }

    private static String metricsOf(int port) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double metric(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new IllegalStateException("no " + name);
    }
}
