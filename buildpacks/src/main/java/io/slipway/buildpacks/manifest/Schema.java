package io.slipway.buildpacks.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys each mapping of a manifest may hold. */
final class Schema {

    static final List<String> ROOT = List.of("name", "model", "serving", "access", "resources", "scaling", "env");
    static final List<String> MODEL = List.of("name", "format", "path", "inputs", "outputs", "labels", "echo");
    static final List<String> TENSOR = List.of("name", "datatype", "shape");
    static final List<String> ECHO = List.of("delayMs");
    static final List<String> SERVING = List.of("batching", "workers", "maxConcurrency", "queueSize", "timeout",
            "maxRequestBytes");
    static final List<String> BATCHING = List.of("maxBatchSize", "maxDelayMs");
    static final List<String> RESOURCES = List.of("cpu", "memory");
    static final List<String> SCALING = List.of("minInstances", "maxInstances", "targetConcurrency",
            "scaleToZeroAfter", "schedule", "cpu", "predictive");
    static final List<String> SCHEDULE = List.of("cron", "minInstances", "duration");
    static final List<String> CPU = List.of("scaleUpAbove", "scaleDownBelow", "window");
    static final List<String> SECRET = List.of("secret");

    /** Where each section is, in the order a misplaced key is looked up. */
    private static final Map<String, List<String>> HOMES = new LinkedHashMap<>();

    static {
        HOMES.put("at the top level", ROOT);
        HOMES.put("under model", MODEL);
        HOMES.put("under serving", SERVING);
        HOMES.put("under serving.batching", BATCHING);
        HOMES.put("under resources", RESOURCES);
        HOMES.put("under scaling", SCALING);
        HOMES.put("under scaling.cpu", CPU);
        HOMES.put("under model.echo", ECHO);
        HOMES.put("in the items of model.inputs and model.outputs", TENSOR);
        HOMES.put("in the items of scaling.schedule", SCHEDULE);
    }

    private Schema() {
    }

    /** Where else a key belongs, such as {@code under scaling}, or null. */
    static String home(String key, List<String> here) {
        for (Map.Entry<String, List<String>> home : HOMES.entrySet()) {
            if (home.getValue() != here && home.getValue().contains(key)) {
                return home.getKey();
            }
        }
        return null;
    }

}
