package io.slipway.runtime.http;

import io.slipway.runtime.InferenceException;
import io.slipway.runtime.InferenceException.Kind;
import io.slipway.runtime.metrics.RuntimeMetrics;
import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.protocol.InferRequest;
import io.slipway.runtime.protocol.PredictCodec;
import io.slipway.runtime.protocol.V2RequestReader;
import io.slipway.runtime.protocol.V2ResponseWriter;
import io.slipway.runtime.scheduling.InferenceScheduler;
import io.slipway.runtime.tensor.Tensor;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's HTTP server: the Open Inference Protocol (KServe V2) REST endpoints,
 * {@code /predict} and {@code /metrics}. It answers liveness from the start and everything about
 * the model once {@link #ready(Serving)} is called.
 */
public final class RuntimeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuntimeServer.class);
    private static final String SERVER_NAME = "slipway-model-runtime";
    private static final String VERSION = RuntimeServer.class.getPackage().getImplementationVersion() == null
            ? "dev" : RuntimeServer.class.getPackage().getImplementationVersion();

    private final RuntimeMetrics metrics;
    private final long maxRequestBytes;
    private final Undertow undertow;
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Serving serving;
    private volatile boolean stopping;

    /**
     * Starts listening at once (liveness answers while the model loads).
     *
     * @param workerThreads threads that may block on requests; at least the scheduler's capacity
     */
    public RuntimeServer(String host, int port, long maxRequestBytes, int workerThreads, RuntimeMetrics metrics) {
        this.metrics = metrics;
        this.maxRequestBytes = maxRequestBytes;
        this.undertow = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setWorkerThreads(workerThreads)
                .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
                .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
                .setHandler(refusingWhenStopping(routes()))
                .build();
        undertow.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** Starts serving the model: readiness turns true. */
    public void ready(Serving ready) {
        this.serving = ready;
    }

    public boolean isReady() {
        return serving != null && !stopping;
    }

    private RoutingHandler routes() {
        RoutingHandler routes = new RoutingHandler(false)
                .get("/v2/health/live", endpoint("live", exchange -> sendJson(exchange, 200, "{\"live\":true}")))
                .get("/v2/health/ready", endpoint("ready", this::healthReady))
                .get("/v2", endpoint("server_metadata", exchange ->
                        sendJson(exchange, 200, V2ResponseWriter.serverMetadata(SERVER_NAME, VERSION))))
                .get("/metrics", endpoint("metrics", exchange ->
                        HttpExchanges.send(exchange, 200, RuntimeMetrics.CONTENT_TYPE, metrics.scrape())))
                .post("/predict", endpoint("predict", this::predict));
        for (String base : List.of("/v2/models/{model}", "/v2/models/{model}/versions/{version}")) {
            routes.get(base, endpoint("model_metadata", exchange ->
                    sendJson(exchange, 200, V2ResponseWriter.modelMetadata(model(exchange)))));
            routes.get(base + "/ready", endpoint("model_ready", this::modelReady));
            routes.post(base + "/infer", endpoint("infer", this::infer));
        }
        routes.setFallbackHandler(endpoint("unknown", exchange -> {
            throw InferenceException.notFound("no endpoint " + exchange.getRequestMethod() + " "
                    + exchange.getRequestPath() + "; see GET /v2 and /v2/models/{model}");
        }));
        routes.setInvalidMethodHandler(endpoint("unknown", exchange -> {
            exchange.getResponseHeaders().put(Headers.ALLOW, allowed(exchange.getRequestPath()));
            throw new InferenceException(Kind.METHOD_NOT_ALLOWED, exchange.getRequestMethod() + " is not allowed on "
                    + exchange.getRequestPath() + "; use " + allowed(exchange.getRequestPath()));
        }));
        return routes;
    }

    private io.undertow.server.HttpHandler refusingWhenStopping(io.undertow.server.HttpHandler next) {
        return exchange -> {
            if (stopping) {
                exchange.setPersistent(false);
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                HttpExchanges.send(exchange, 503, HttpExchanges.JSON, V2ResponseWriter.error("the server is shutting down"));
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private Endpoint endpoint(String name, Endpoint.Body body) {
        return new Endpoint(name, body, metrics, active);
    }

    private static String allowed(String path) {
        return path.endsWith("/infer") || path.equals("/predict") ? "POST" : "GET";
    }

    private void healthReady(HttpServerExchange exchange) {
        boolean ready = isReady();
        if (!ready) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
        }
        sendJson(exchange, ready ? 200 : 503, ready ? "{\"ready\":true}" : "{\"ready\":false}");
    }

    private void modelReady(HttpServerExchange exchange) {
        ModelMetadata model = model(exchange);
        boolean ready = isReady();
        sendJson(exchange, ready ? 200 : 503, V2ResponseWriter.modelReady(model, ready));
    }

    private void infer(HttpServerExchange exchange) throws Exception {
        Serving current = requireServing();
        ModelMetadata model = model(exchange);
        String mediaType = HttpExchanges.mediaType(exchange);
        String headerLength = exchange.getRequestHeaders().getFirst(HttpExchanges.INFERENCE_HEADER_LENGTH);
        boolean binary = headerLength != null;
        if (!HttpExchanges.isJson(mediaType) && !(binary && mediaType.equals(HttpExchanges.OCTET_STREAM))) {
            throw HttpExchanges.unsupportedMediaType(mediaType, "application/json, or application/octet-stream "
                    + "with Inference-Header-Content-Length for binary tensor data");
        }
        try (InferenceScheduler.Admission admission = current.scheduler().admit()) {
            byte[] body = HttpExchanges.readBody(exchange, maxRequestBytes);
            InferRequest request = V2RequestReader.read(body, binary ? headerLength(headerLength) : -1, model);
            List<Tensor> outputs = admission.infer(request.inputs());
            V2ResponseWriter.Encoded answer = V2ResponseWriter.infer(model, request, outputs);
            if (answer.jsonLength() >= 0) {
                exchange.getResponseHeaders().put(HttpExchanges.INFERENCE_HEADER_LENGTH, answer.jsonLength());
                HttpExchanges.send(exchange, 200, HttpExchanges.OCTET_STREAM, answer.body());
            } else {
                HttpExchanges.send(exchange, 200, HttpExchanges.JSON, answer.body());
            }
        }
    }

    private void predict(HttpServerExchange exchange) throws Exception {
        Serving current = requireServing();
        String mediaType = HttpExchanges.mediaType(exchange);
        if (!HttpExchanges.isJson(mediaType)) {
            throw HttpExchanges.unsupportedMediaType(mediaType, "application/json");
        }
        int topK = topK(exchange, current.labels().size());
        try (InferenceScheduler.Admission admission = current.scheduler().admit()) {
            byte[] body = HttpExchanges.readBody(exchange, maxRequestBytes);
            InferRequest request = PredictCodec.read(body, current.metadata());
            List<Tensor> outputs = admission.infer(request.inputs());
            HttpExchanges.send(exchange, 200, HttpExchanges.JSON,
                    PredictCodec.write(outputs, request.rows(), current.labels(), topK));
        }
    }

    private static int topK(HttpServerExchange exchange, int labels) {
        String value = exchange.getQueryParameters().containsKey("top_k")
                ? exchange.getQueryParameters().get("top_k").getFirst() : null;
        if (value == null) {
            return Math.min(3, Math.max(labels, 1));
        }
        try {
            int k = Integer.parseInt(value);
            if (k >= 1) {
                return Math.min(k, Math.max(labels, 1));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InferenceException.badInput("query parameter top_k must be a positive integer, got \"" + value + "\"");
    }

    private static int headerLength(String value) {
        try {
            int length = Integer.parseInt(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InferenceException.badInput("Inference-Header-Content-Length must be a non-negative integer, got \""
                + value + "\"");
    }

    private Serving requireServing() {
        Serving current = serving;
        if (current == null || stopping) {
            throw new InferenceException(Kind.UNAVAILABLE, stopping ? "the server is shutting down"
                    : "the model is still loading");
        }
        return current;
    }

    /** The model named in the path, or 404 naming the model this server has. */
    private ModelMetadata model(HttpServerExchange exchange) {
        Map<String, String> parameters = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters();
        Serving current = requireServing();
        ModelMetadata model = current.metadata();
        String name = parameters.get("model");
        if (!model.name().equals(name)) {
            throw InferenceException.notFound("model '" + name + "' not found; this server serves '" + model.name() + "'");
        }
        String version = parameters.get("version");
        if (version != null && !model.version().equals(version)) {
            throw InferenceException.notFound("model '" + name + "' has no version '" + version + "'; versions: ["
                    + model.version() + "]");
        }
        return model;
    }

    private static void sendJson(HttpServerExchange exchange, int status, String json) {
        sendJson(exchange, status, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void sendJson(HttpServerExchange exchange, int status, byte[] json) {
        HttpExchanges.send(exchange, status, HttpExchanges.JSON, json);
    }

    /**
     * Stops accepting connections, lets requests in flight finish within {@code grace}, then
     * closes the listener. Readiness turns false first so a router stops sending.
     */
    public void shutdown(Duration grace) {
        // Undertow's ListenerInfo.suspend() would also cut the connections of requests in flight,
        // so new requests are refused (503, Connection: close) until the listener closes.
        stopping = true;
        log.info("shutting down: refusing new requests, {} in flight", active.get());
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (active.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (active.get() > 0) {
            log.warn("{} requests still in flight after {} ms; stopping anyway", active.get(), grace.toMillis());
        }
        undertow.stop();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
