package io.slipway.runtime.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.DoubleSupplier;

/** The runtime's Prometheus metrics, exported as text on {@code GET /metrics}. */
public final class RuntimeMetrics {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder()
            .name("slipway_runtime_requests_total")
            .help("HTTP requests answered, by endpoint and status code")
            .labelNames("endpoint", "code")
            .register(registry);
    private final Histogram latency = Histogram.builder()
            .name("slipway_runtime_request_duration_seconds")
            .help("Time from reading a request to the last byte of its answer, by endpoint")
            .labelNames("endpoint")
            .classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .register(registry);
    private final Histogram inference = Histogram.builder()
            .name("slipway_runtime_inference_duration_seconds")
            .help("Time the engine spent on one (possibly batched) inference")
            .classicOnly()
            .classicUpperBounds(0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    private final Histogram batchSize = Histogram.builder()
            .name("slipway_runtime_batch_size")
            .help("Rows per engine call after dynamic batching")
            .classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
            .register(registry);
    private final Gauge modelLoad = Gauge.builder()
            .name("slipway_runtime_model_load_seconds")
            .help("Time to load the model and run its warm-up inference")
            .register(registry);

    /** Registers gauges read at scrape time: requests waiting for a worker, and requests admitted. */
    public void watchQueue(DoubleSupplier queueDepth, DoubleSupplier inFlight) {
        GaugeWithCallback.builder()
                .name("slipway_runtime_queue_depth")
                .help("Requests waiting for an engine worker")
                .callback(callback -> callback.call(queueDepth.getAsDouble()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("slipway_runtime_in_flight_requests")
                .help("Requests admitted and not yet answered")
                .callback(callback -> callback.call(inFlight.getAsDouble()))
                .register(registry);
    }

    public void request(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(nanos / 1e9);
    }

    public void inference(int rows, long nanos) {
        batchSize.observe(rows);
        inference.observe(nanos / 1e9);
    }

    public void modelLoaded(long nanos) {
        modelLoad.set(nanos / 1e9);
    }

    /** The metrics in Prometheus text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
