package io.slipway.buildpacks.manifest;

import java.util.Locale;

/** The format of a bundle's model, {@code model.format} in the manifest. */
public enum ModelFormat {

    /** An ONNX model: a {@code .onnx} file, or a folder holding exactly one. */
    ONNX,

    /** A TorchScript model saved with {@code torch.jit.save}: a zip archive, or a folder holding exactly one {@code .pt}. */
    TORCHSCRIPT,

    /**
     * The built-in diagnostic model: no weights, it answers with its inputs (after
     * {@link EchoSpec#delayMs()}). Used to test the HTTP path and the autoscaler.
     */
    ECHO;

    /**
     * Returns the value written in the manifest.
     * @return {@code onnx}, {@code torchscript} or {@code echo}
     */
    public String yamlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

}
