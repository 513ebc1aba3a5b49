package io.slipway.buildpacks.manifest;

import java.util.List;
import java.util.Objects;

/**
 * The model an app serves, {@code model} in the manifest.
 *
 * @param name the name in {@code /v2/models/{name}}, matching {@code [a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}};
 * defaults to the app name
 * @param format the model format
 * @param path the model file or folder, relative to the bundle root with {@code /} separators and
 * normalized (no {@code .} or {@code ..} segments); null for {@link ModelFormat#ECHO}
 * @param inputs the declared inputs, empty when the model file is to say; never empty for
 * {@link ModelFormat#ECHO}
 * @param outputs the declared outputs, empty when the model file is to say
 * @param labels a text file of class names, one a line, relative to the bundle root; null when absent
 * @param echo the echo model's settings for {@link ModelFormat#ECHO}, null for other formats
 */
public record ModelSpec(String name, ModelFormat format, String path, List<TensorSpec> inputs,
        List<TensorSpec> outputs, String labels, EchoSpec echo) {

    /** Checks the components against the format and copies the lists. */
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        if (!Limits.MODEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match " + Limits.MODEL_NAME + ", got " + name);
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (format == ModelFormat.ECHO) {
            if (path != null) {
                throw new IllegalArgumentException("path must be null for the echo format");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("inputs must not be empty for the echo format");
            }
            Objects.requireNonNull(echo, "echo");
        }
        else {
            Objects.requireNonNull(path, "path");
            if (echo != null) {
                throw new IllegalArgumentException("echo must be null for the " + format.yamlValue() + " format");
            }
        }
    }

}
