package io.slipway.runtime.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import io.slipway.runtime.tensor.TensorInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads a TorchScript module into DJL's PyTorch engine. TorchScript files record neither input
 * shapes nor datatypes, so the manifest declares the inputs; outputs are learnt at warm-up.
 */
final class TorchScriptLoader {

    /** The platform name reported in the model metadata (Triton's name for it). */
    static final String PLATFORM = "pytorch_torchscript";

    private TorchScriptLoader() {
    }

    static DjlModel load(String name, Path file, List<TensorInfo> inputs) {
        if (inputs.isEmpty()) {
            throw new ModelLoadException("a TorchScript file does not record its inputs: declare them in "
                    + "slipway.yaml under model.inputs (name, datatype, shape)");
        }
        Model model = Model.newInstance(name, "PyTorch");
        try {
            model.load(file.getParent(), file.getFileName().toString(), Map.of("mapLocation", "true"));
            return new DjlModel(model, new ModelMetadata(name, "1", PLATFORM, inputs, List.of()));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("PyTorch cannot load " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
