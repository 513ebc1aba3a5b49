package io.slipway.runtime.bench;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.runtime.DjlOffline;
import io.slipway.runtime.ModelRuntime;
import io.slipway.runtime.model.InferenceModel;
import io.slipway.runtime.model.ModelLoader;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Latency of one iris inference at concurrency 1: in-process DJL predict vs the same inference
 * over HTTP (V2 infer, JSON, keep-alive), side by side in one JVM and one run.
 *
 * <p>{@code bench/runtime-latency.sh [iterations]}
 */
public final class LatencyBench {

    private LatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        DjlOffline.enforce();
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        Path bundle = Path.of(args.length > 1 ? args[1] : "sample-apps/iris-onnx");
        float[] row = {5.1f, 3.5f, 1.4f, 0.2f};

        Manifest manifest = Manifest.read(bundle);
        long[] direct;
        try (InferenceModel model = ModelLoader.load(bundle, manifest);
                InferenceModel.Session session = model.newSession()) {
            ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : row) {
                data.putFloat(value);
            }
            List<Tensor> inputs = List.of(Tensor.ofRaw("input", DataType.FP32, new long[] {1, 4}, data.array()));
            direct = measure(iterations, () -> session.run(inputs));
        }

        long[] http;
        try (ModelRuntime runtime = ModelRuntime.start(bundle, "127.0.0.1", 0);
                RawHttpClient client = new RawHttpClient(runtime.port(), "/v2/models/iris/infer", "application/json",
                        ("{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],\"data\":[5.1,3.5,1.4,0.2]}]}")
                                .getBytes(StandardCharsets.UTF_8))) {
            http = measure(iterations, () -> {
                if (client.call() != 200) {
                    throw new IllegalStateException("infer failed");
                }
                return null;
            });
        }

        Percentiles d = new Percentiles(direct);
        Percentiles h = new Percentiles(http);
        System.out.printf("iris-onnx, concurrency 1, %d measured calls each (after %d warm-up calls)%n", iterations, iterations / 2);
        System.out.printf("%-28s %10s %10s %10s%n", "path", "p50 (us)", "p90 (us)", "p99 (us)");
        System.out.printf("%-28s %10.1f %10.1f %10.1f%n", "in-process DJL predict", d.micros(50), d.micros(90), d.micros(99));
        System.out.printf("%-28s %10.1f %10.1f %10.1f%n", "HTTP V2 infer (JSON)", h.micros(50), h.micros(90), h.micros(99));
        System.out.printf("%-28s %10.1f %10.1f %10.1f%n", "HTTP overhead", h.micros(50) - d.micros(50),
                h.micros(90) - d.micros(90), h.micros(99) - d.micros(99));
        System.out.printf("HTTP/direct ratio at p50: %.2f%n", h.micros(50) / d.micros(50));
    }

    interface Call {
        Object run() throws Exception;
    }

    static long[] measure(int iterations, Call call) throws Exception {
        for (int i = 0; i < iterations / 2; i++) {
            call.run();
        }
        long[] samples = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - start;
        }
        return samples;
    }
}
