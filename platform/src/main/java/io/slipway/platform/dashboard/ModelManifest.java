package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.ManifestProblem;
import io.slipway.buildpacks.manifest.TensorSpec;
import io.slipway.platform.app.AppService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the {@code slipway.yaml} of a single model file from the "deploy a model file" form, and
 * says which form field a manifest problem is about.
 */
final class ModelManifest {

    /** Where the model and its labels go in the bundle. */
    static final String LABELS_PATH = "model/labels.txt";

    private static final Pattern SHAPE = Pattern.compile("\\[?\\s*-?\\d+(\\s*,\\s*-?\\d+)*\\s*]?");

    private static final Map<String, String> FIELDS = Map.of(
            "name", "appName",
            "model.name", "modelName",
            "model.format", "format",
            "model.path", "model",
            "model.labels", "labels",
            "model.inputs", "inputName",
            "scaling.minInstances", "minInstances",
            "scaling.maxInstances", "maxInstances");

    private ModelManifest() {
    }

    /** The format the form asks for: chosen, or told by the file name; null (with an error) when neither. */
    static String format(ModelForm form, String fileName, FormErrors errors) {
        String chosen = form.getFormat().toLowerCase(Locale.ROOT);
        if (chosen.equals("onnx") || chosen.equals("torchscript")) {
            return chosen;
        }
        if (!chosen.isEmpty() && !chosen.equals("auto")) {
            errors.add("format", "choose ONNX or TorchScript");
            return null;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return "onnx";
        }
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) {
            return "torchscript";
        }
        if (!name.isEmpty()) {
            errors.add("model", "cannot tell the format of '" + fileName + "' (expected .onnx or .pt): choose it under Format");
        }
        return null;
    }

    /** The file name the model gets inside the bundle: the uploaded name made safe, with the format's extension. */
    static String modelPath(String fileName, String format) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.replaceAll("^[._]+", "");
        String extension = format.equals("onnx") ? ".onnx" : ".pt";
        if (base.isEmpty()) {
            base = "model" + extension;
        } else if (!base.toLowerCase(Locale.ROOT).endsWith(extension)) {
            base = base + extension;
        }
        return "model/" + base;
    }

    /** The manifest text; field problems the YAML schema would not name well are added to {@code errors}. */
    static String yaml(ModelForm form, String format, String modelPath, boolean labels, FormErrors errors) {
        if (!AppService.NAME.matcher(form.getAppName()).matches()) {
            errors.add("appName", form.getAppName().isEmpty() ? "enter an app name"
                    : "use 1-40 lowercase letters, digits and dashes, starting and ending with a letter or digit");
        }
        List<Long> shape = shape(form, errors);
        boolean input = !form.getInputName().isEmpty();
        if (input && !TensorSpec.DATATYPES.contains(form.getInputDatatype())) {
            errors.add("inputDatatype", "choose one of " + String.join(", ", TensorSpec.DATATYPES));
        }
        if (!input && shape != null) {
            errors.add("inputName", "name the input the shape is for");
        }
        if (input && shape == null && !errors.has("inputShape")) {
            errors.add("inputShape", "give the input's shape, e.g. -1, 4 (-1 = any size)");
        }
        if ("torchscript".equals(format) && !input) {
            errors.add("inputName", "a TorchScript model does not name its inputs: give the input's name, datatype and shape");
        }
        Integer min = count(form.getMinInstances(), "minInstances", errors);
        Integer max = count(form.getMaxInstances(), "maxInstances", errors);
        StringBuilder yaml = new StringBuilder();
        yaml.append("# written by the Slipway dashboard\n");
        yaml.append("name: ").append(quote(form.getAppName())).append('\n');
        yaml.append("model:\n");
        yaml.append("  name: ").append(quote(form.getModelName().isEmpty() ? form.getAppName() : form.getModelName())).append('\n');
        yaml.append("  format: ").append(format == null ? "onnx" : format).append('\n');
        yaml.append("  path: ").append(quote(modelPath)).append('\n');
        if (labels) {
            yaml.append("  labels: ").append(LABELS_PATH).append('\n');
        }
        if (input && shape != null) {
            yaml.append("  inputs:\n");
            yaml.append("    - { name: ").append(quote(form.getInputName())).append(", datatype: ")
                    .append(quote(form.getInputDatatype())).append(", shape: ").append(shape).append(" }\n");
        }
        if (min != null || max != null) {
            yaml.append("scaling:\n");
            if (min != null) {
                yaml.append("  minInstances: ").append(min).append('\n');
            }
            if (max != null) {
                yaml.append("  maxInstances: ").append(max).append('\n');
            }
        }
        return yaml.toString();
    }

    /** The form field a manifest problem is about, or {@link FormErrors#GLOBAL}. */
    static String fieldOf(ManifestProblem problem) {
        String path = problem.path();
        if (path.startsWith("model.inputs[")) {
            if (path.endsWith(".datatype")) {
                return "inputDatatype";
            }
            return path.endsWith(".shape") || path.contains(".shape[") ? "inputShape" : "inputName";
        }
        return FIELDS.getOrDefault(path, FormErrors.GLOBAL);
    }

    private static List<Long> shape(ModelForm form, FormErrors errors) {
        String text = form.getInputShape();
        if (text.isEmpty()) {
            return null;
        }
        if (!SHAPE.matcher(text).matches()) {
            errors.add("inputShape", "write the dimensions as whole numbers separated by commas, e.g. -1, 4");
            return null;
        }
        List<Long> shape = new ArrayList<>();
        for (String part : text.replace("[", "").replace("]", "").split(",")) {
            shape.add(Long.parseLong(part.strip()));
        }
        return shape;
    }

    private static Integer count(String text, String field, FormErrors errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(field, "enter a whole number");
            return null;
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
