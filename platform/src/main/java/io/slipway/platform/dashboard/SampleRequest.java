package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.TensorSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid Open Inference Protocol request for the inputs a manifest declares: one row (each
 * {@code -1} dimension becomes 1) of placeholder values, for the curl example and "try it".
 */
final class SampleRequest {

    /** Beyond this many values a sample would not be readable; its data is left for the user to fill. */
    static final int MAX_VALUES = 4096;

    private SampleRequest() {
    }

    /** The request body as a JSON-ready tree, or null when the manifest declares no inputs. */
    static Map<String, Object> of(List<TensorSpec> inputs) {
        if (inputs.isEmpty()) {
            return null;
        }
        List<Object> tensors = new ArrayList<>();
        for (TensorSpec input : inputs) {
            List<Long> shape = input.shape().stream().map(d -> d < 0 ? 1L : d).toList();
            long count = shape.stream().reduce(1L, Math::multiplyExact);
            Map<String, Object> tensor = new LinkedHashMap<>();
            tensor.put("name", input.name());
            tensor.put("datatype", input.datatype());
            tensor.put("shape", shape);
            tensor.put("data", count > MAX_VALUES ? List.of() : Collections.nCopies((int) count, value(input.datatype())));
            tensors.add(tensor);
        }
        return Map.of("inputs", tensors);
    }

    private static Object value(String datatype) {
        return switch (datatype) {
            case "BOOL" -> false;
            case "BYTES" -> "text";
            case "FP16", "FP32", "FP64" -> 0.5;
            default -> 1;
        };
    }
}
