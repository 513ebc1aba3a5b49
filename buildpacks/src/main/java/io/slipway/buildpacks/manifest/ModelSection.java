package io.slipway.buildpacks.manifest;

import io.slipway.buildpacks.manifest.ParseResult.BundleFile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code model} section: format, path, tensors, labels and the echo model's settings. */
final class ModelSection {

    static final Map<String, ModelFormat> FORMATS = new LinkedHashMap<>();

    static {
        for (ModelFormat format : ModelFormat.values()) {
            FORMATS.put(format.yamlValue(), format);
        }
    }

    /** Common names for datatypes, to suggest the protocol's name. */
    private static final Map<String, String> DATATYPE_ALIASES = Map.ofEntries(Map.entry("FLOAT", "FP32"),
            Map.entry("FLOAT32", "FP32"), Map.entry("FLOAT16", "FP16"), Map.entry("HALF", "FP16"),
            Map.entry("FLOAT64", "FP64"), Map.entry("DOUBLE", "FP64"), Map.entry("INT", "INT32"),
            Map.entry("LONG", "INT64"), Map.entry("STRING", "BYTES"), Map.entry("STR", "BYTES"),
            Map.entry("BOOLEAN", "BOOL"));

    private final Problems problems;

    ModelSpec spec;

    ModelFormat format;

    BundleFile path;

    BundleFile labels;

    ModelSection(Problems problems) {
        this.problems = problems;
    }

    /** Reads {@code model} from the root, defaulting its name to the app's (which may be null if invalid). */
    ModelSection read(Fields root, String appName) {
        if (!root.has("model")) {
            root.missing("model");
            return this;
        }
        Fields model = root.mapping("model", Schema.MODEL);
        if (model == null) {
            return this;
        }
        int mark = problems.count();
        String name = model.has("name") ? modelName(model) : appName;
        if (model.has("format")) {
            format = model.choice("format", null, FORMATS);
        }
        else {
            model.missing("format");
        }
        if (format == ModelFormat.ECHO && model.has("path")) {
            model.problem("path", "not allowed for format echo: the echo model has no weights");
        }
        else if (model.has("path")) {
            path = bundleFile(model, "path");
        }
        else if (format != null && format != ModelFormat.ECHO) {
            model.missing("path");
        }
        List<TensorSpec> inputs = tensors(model, "inputs");
        List<TensorSpec> outputs = tensors(model, "outputs");
        if (format == ModelFormat.ECHO && inputs != null && inputs.isEmpty()) {
            model.problem("inputs", "required for format echo, which answers with its inputs");
        }
        if (format == ModelFormat.TORCHSCRIPT && inputs != null && inputs.isEmpty()) {
            model.problem("inputs", "required for format torchscript: TorchScript files do not record input "
                    + "names, datatypes or shapes");
        }
        labels = model.has("labels") ? bundleFile(model, "labels") : null;
        EchoSpec echo = echo(model);
        if (problems.count() == mark && name != null) {
            spec = new ModelSpec(name, format, (path != null) ? path.path() : null, inputs, outputs,
                    (labels != null) ? labels.path() : null, echo);
        }
        return this;
    }

    private String modelName(Fields model) {
        String name = model.text("name");
        if (name != null && !Limits.MODEL_NAME.matcher(name).matches()) {
            model.problem("name", "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit,"
                    + " got " + Values.quote(name));
            return null;
        }
        return name;
    }

    private BundleFile bundleFile(Fields model, String key) {
        String text = model.text(key);
        if (text == null) {
            return null;
        }
        String problem = BundlePaths.problem(text);
        if (problem != null) {
            model.problem(key, problem);
            return null;
        }
        return new BundleFile(model.path(key), BundlePaths.normalize(text), Problems.lineOf(model.at(key)));
    }

    private EchoSpec echo(Fields model) {
        if (!model.has("echo")) {
            return (format == ModelFormat.ECHO) ? new EchoSpec(0) : null;
        }
        if (format != null && format != ModelFormat.ECHO) {
            model.problem("echo", "only allowed with format echo");
            return null;
        }
        Fields echo = model.mapping("echo", Schema.ECHO);
        Integer delayMs = (echo != null) ? echo.integer("delayMs", 0, Limits.ECHO_DELAY_MS) : null;
        return (delayMs != null) ? new EchoSpec(delayMs) : null;
    }

    private List<TensorSpec> tensors(Fields model, String key) {
        List<Node> items = model.list(key, Limits.MAX_TENSORS, "tensors");
        if (items == null) {
            return model.has(key) ? null : List.of();
        }
        int mark = problems.count();
        List<TensorSpec> tensors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Fields tensor = Fields.of(items.get(i), Fields.index(model.path(key), i), problems, Schema.TENSOR);
            if (tensor == null) {
                continue;
            }
            String name = tensor.text("name");
            if (!tensor.has("name")) {
                tensor.missing("name");
            }
            else if (name != null && name.isEmpty()) {
                tensor.problem("name", "must not be empty");
            }
            else if (name != null && seen.putIfAbsent(name, tensor.path()) != null) {
                tensor.problem("name", "duplicate tensor name " + Values.quote(name) + " (also " + seen.get(name) + ")");
            }
            String datatype = datatype(tensor);
            List<Long> shape = shape(tensor);
            if (problems.count() == mark) {
                tensors.add(new TensorSpec(name, datatype, shape));
            }
        }
        return (problems.count() == mark) ? tensors : null;
    }

    private String datatype(Fields tensor) {
        if (!tensor.has("datatype")) {
            tensor.missing("datatype");
            return null;
        }
        String text = tensor.text("datatype");
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (TensorSpec.DATATYPES.contains(upper)) {
            return upper;
        }
        String alias = DATATYPE_ALIASES.get(upper);
        String hint = (alias != null) ? " (did you mean \"" + alias + "\"?)" : Hints.didYouMean(text, TensorSpec.DATATYPES);
        tensor.problem("datatype", "expected one of " + String.join(", ", TensorSpec.DATATYPES)
                + ", got " + Values.quote(text) + hint);
        return null;
    }

    private List<Long> shape(Fields tensor) {
        if (!tensor.has("shape")) {
            tensor.missing("shape");
            return null;
        }
        List<Node> items = tensor.list("shape", Limits.MAX_DIMENSIONS, "dimensions");
        if (items == null) {
            return null;
        }
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Fields.index(tensor.path("shape"), i);
            BigInteger dimension = Values.bigInteger(items.get(i), path, problems);
            if (dimension != null && (dimension.bitLength() >= Long.SIZE
                    || (dimension.longValue() != -1 && dimension.longValue() < 1))) {
                problems.add(items.get(i), path, "must be -1 (any size) or >= 1, got " + dimension);
            }
            else if (dimension != null) {
                shape.add(dimension.longValue());
            }
        }
        return (shape.size() == items.size()) ? shape : null;
    }

}
