package io.slipway.buildpacks.manifest;

import java.util.List;
import java.util.Objects;

/**
 * One input or output tensor of a model, as listed under {@code model.inputs} or {@code model.outputs}.
 *
 * @param name the tensor name, non-empty and unique within its list
 * @param datatype an Open Inference Protocol datatype, one of {@link #DATATYPES}
 * @param shape the dimensions, at most 8, each {@code -1} (any size) or {@code >= 1}; empty for a scalar
 */
public record TensorSpec(String name, String datatype, List<Long> shape) {

    /** The datatypes of the Open Inference Protocol (KServe V2), in the protocol's order. */
    public static final List<String> DATATYPES = List.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8",
            "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES");

    /** Checks the components and copies the shape. */
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(datatype, "datatype");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (!DATATYPES.contains(datatype)) {
            throw new IllegalArgumentException("datatype must be one of " + DATATYPES + ", got " + datatype);
        }
        shape = List.copyOf(shape);
        if (shape.size() > Limits.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("shape must have at most " + Limits.MAX_DIMENSIONS + " dimensions");
        }
        for (long dimension : shape) {
            if (dimension != -1 && dimension < 1) {
                throw new IllegalArgumentException("shape entries must be -1 or >= 1, got " + dimension);
            }
        }
    }

}
