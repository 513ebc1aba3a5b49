package io.slipway.runtime.protocol;

import io.slipway.runtime.tensor.Tensor;
import java.util.List;

/**
 * A checked inference request: inputs in the model's order, each matching the model's
 * datatype and shape, and the outputs the caller asked for (empty for all of them).
 *
 * @param id the caller's request id, echoed in the answer; null when none was given
 */
public record InferRequest(String id, List<Tensor> inputs, List<OutputRequest> outputs, boolean binaryOutputs) {

    public InferRequest {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The rows of this request along the batch dimension. */
    public long rows() {
        return inputs.isEmpty() ? 0 : inputs.get(0).rows();
    }

    /** An output the caller asked for, and whether it wants it as binary data. */
    public record OutputRequest(String name, boolean binary) {
    }
}
