package io.slipway.runtime;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ServingSpec;
import io.slipway.runtime.http.RuntimeServer;
import io.slipway.runtime.http.Serving;
import io.slipway.runtime.metrics.RuntimeMetrics;
import io.slipway.runtime.model.InferenceModel;
import io.slipway.runtime.model.ModelLoader;
import io.slipway.runtime.model.WarmUp;
import io.slipway.runtime.scheduling.InferenceScheduler;
import io.slipway.runtime.scheduling.SchedulerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running model server: the HTTP server, the scheduler and the loaded model, started in
 * that order (liveness answers while the model loads) and stopped in the reverse order.
 */
public final class ModelRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRuntime.class);

    private final RuntimeServer server;
    private final InferenceScheduler scheduler;
    private final InferenceModel model;

    private ModelRuntime(RuntimeServer server, InferenceScheduler scheduler, InferenceModel model) {
        this.server = server;
        this.scheduler = scheduler;
        this.model = model;
    }

    /**
     * Serves the model of the bundle in {@code modelDir} as its {@code slipway.yaml} says, and
     * returns once it is ready.
     *
     * @throws io.slipway.buildpacks.manifest.ManifestException when the manifest is invalid
     * @throws io.slipway.runtime.model.ModelLoadException when the model cannot be served
     */
    public static ModelRuntime start(Path modelDir, String host, int port) {
        DjlOffline.enforce();
        Manifest manifest = Manifest.read(modelDir);
        List<String> labels = ModelLoader.readLabels(modelDir, manifest.model().labels());
        return start(host, port, manifest.serving(), labels, () -> ModelLoader.load(modelDir, manifest));
    }

    /** Serves a model that {@code loader} loads (the echo model in tests, for example). */
    public static ModelRuntime start(String host, int port, ServingSpec serving, List<String> labels,
            java.util.function.Supplier<InferenceModel> loader) {
        RuntimeMetrics metrics = new RuntimeMetrics();
        SchedulerSettings settings = settings(serving);
        RuntimeServer server = new RuntimeServer(host, port, serving.maxRequestBytes(),
                settings.capacity() + 16, metrics);
        InferenceModel model = null;
        try {
            long start = System.nanoTime();
            model = loader.get();
            WarmUp.Result warm = WarmUp.run(model, settings.batching());
            if (settings.batching() && !warm.batchable()) {
                log.warn("serving.batching is set but the model's inputs or outputs have no batch dimension; "
                        + "batching is off");
                settings = settings.withoutBatching();
            }
            metrics.modelLoaded(System.nanoTime() - start);
            InferenceScheduler scheduler = new InferenceScheduler(model, settings, metrics);
            server.ready(new Serving(warm.metadata(), scheduler, labels));
            log.info("model '{}' ready on port {} in {} ms: inputs {}, outputs {}, batching {}",
                    warm.metadata().name(), server.port(), (System.nanoTime() - start) / 1_000_000,
                    warm.metadata().inputs(), warm.metadata().outputs(),
                    settings.batching() ? "up to " + settings.maxBatchSize() + " rows" : "off");
            return new ModelRuntime(server, scheduler, model);
        } catch (RuntimeException e) {
            server.shutdown(Duration.ZERO);
            if (model != null) {
                model.close();
            }
            throw e;
        }
    }

    static SchedulerSettings settings(ServingSpec serving) {
        int maxBatch = serving.batching() == null ? 1 : serving.batching().maxBatchSize();
        Duration delay = serving.batching() == null ? Duration.ZERO
                : Duration.ofMillis(serving.batching().maxDelayMs());
        return new SchedulerSettings(serving.workers(), maxBatch, delay,
                serving.maxConcurrency() + serving.queueSize(), serving.timeout());
    }

    public int port() {
        return server.port();
    }

    /**
     * Stops taking requests, answers those in flight, and releases the model, all within
     * {@code grace}.
     */
    public void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        server.shutdown(grace);
        scheduler.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        model.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(8));
    }
}
