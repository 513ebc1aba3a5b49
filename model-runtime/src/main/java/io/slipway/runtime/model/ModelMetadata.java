package io.slipway.runtime.model;

import io.slipway.runtime.tensor.TensorInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server says about its model: the name and version in {@code /v2/models/{name}},
 * the platform that runs it, and its inputs and outputs.
 */
public record ModelMetadata(String name, String version, String platform, List<TensorInfo> inputs,
        List<TensorInfo> outputs) {

    public ModelMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(platform, "platform");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorInfo> input(String inputName) {
        return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
    }

    public Optional<TensorInfo> output(String outputName) {
        return outputs.stream().filter(o -> o.name().equals(outputName)).findFirst();
    }

    public ModelMetadata withOutputs(List<TensorInfo> newOutputs) {
        return new ModelMetadata(name, version, platform, inputs, newOutputs);
    }
}
