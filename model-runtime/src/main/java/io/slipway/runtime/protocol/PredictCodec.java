package io.slipway.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.tensor.Shapes;
import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The convenience protocol of {@code POST /predict}: {@code {"instances": [...]}} in, one
 * prediction per instance out. With labels, a classification output becomes the top classes
 * with their scores.
 */
public final class PredictCodec {

    private PredictCodec() {
    }

    /** Reads instances into one batched tensor per model input. */
    public static InferRequest read(byte[] body, ModelMetadata model) {
        JsonNode root = Json.parse(body, 0, body.length);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("instances")) {
                throw InferenceException.badInput("unknown field '" + field + "'; expected {\"instances\": [...]}");
            }
        }
        JsonNode instances = root.get("instances");
        if (instances == null || !instances.isArray() || instances.isEmpty()) {
            throw InferenceException.badInput("'instances' must be a non-empty array, one element per prediction");
        }
        List<Tensor> inputs = new ArrayList<>();
        for (TensorInfo info : model.inputs()) {
            inputs.add(readInput(info, instances, model));
        }
        return new InferRequest(null, inputs, List.of(), false);
    }

    private static Tensor readInput(TensorInfo info, JsonNode instances, ModelMetadata model) {
        long[] declared = info.shape();
        long[] trailing = declared.length == 0 ? new long[0] : Arrays.copyOfRange(declared, 1, declared.length);
        long[] instanceShape = null;
        List<JsonNode> leaves = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            JsonNode value = valueOf(instances.get(i), info, model, i);
            long[] shape = nestedShape(value);
            String where = "instances[" + i + "]";
            if (!Shapes.matches(trailing, shape)) {
                throw InferenceException.badInput(where + ": input '" + info.name() + "' has shape "
                        + Shapes.format(shape) + " but each instance must be " + Shapes.format(trailing));
            }
            if (instanceShape != null && !Arrays.equals(instanceShape, shape)) {
                throw InferenceException.badInput(where + ": shape " + Shapes.format(shape)
                        + " differs from the first instance's " + Shapes.format(instanceShape));
            }
            instanceShape = shape;
            List<JsonNode> own = TensorDataReader.leaves(info.name(), value);
            if (own.size() != Shapes.elementCount(shape)) {
                throw InferenceException.badInput(where + ": input '" + info.name() + "' is a ragged array");
            }
            leaves.addAll(own);
        }
        long[] shape = new long[instanceShape.length + 1];
        shape[0] = instances.size();
        System.arraycopy(instanceShape, 0, shape, 1, instanceShape.length);
        if (!Shapes.matches(declared, shape)) {
            throw InferenceException.badInput("input '" + info.name() + "': " + instances.size()
                    + " instances make shape " + Shapes.format(shape) + ", but the model takes " + Shapes.format(declared));
        }
        return TensorDataReader.read(info.name(), info.datatype(), shape, leaves);
    }

    private static JsonNode valueOf(JsonNode instance, TensorInfo info, ModelMetadata model, int index) {
        if (instance.isObject()) {
            for (Iterator<String> names = instance.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (model.input(name).isEmpty()) {
                    throw InferenceException.badInput("instances[" + index + "]: unknown input '" + name
                            + "'; the model takes " + V2RequestReader.names(model.inputs()));
                }
            }
            JsonNode value = instance.get(info.name());
            if (value == null) {
                throw InferenceException.badInput("instances[" + index + "]: missing input '" + info.name() + "'");
            }
            return value;
        }
        if (model.inputs().size() > 1) {
            throw InferenceException.badInput("instances[" + index + "]: the model takes several inputs "
                    + V2RequestReader.names(model.inputs()) + "; give each instance as an object of them");
        }
        return instance;
    }

    private static long[] nestedShape(JsonNode value) {
        List<Long> dims = new ArrayList<>();
        JsonNode node = value;
        while (node.isArray()) {
            dims.add((long) node.size());
            if (node.isEmpty()) {
                break;
            }
            node = node.get(0);
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    /** Writes one prediction per instance. */
    public static byte[] write(List<Tensor> outputs, long rows, List<String> labels, int topK) {
        for (Tensor output : outputs) {
            if (output.shape().length == 0 || output.rows() != rows) {
                throw new InferenceException(InferenceException.Kind.MODEL_FAILED, "output '" + output.name()
                        + "' has shape " + Shapes.format(output.shape()) + ", not one row per instance; use the V2 infer endpoint");
            }
        }
        Tensor classes = labels.isEmpty() ? null : outputs.stream()
                .filter(o -> o.datatype().isFloatingPoint() && o.shape().length == 2 && o.shape()[1] == labels.size())
                .findFirst().orElse(null);
        return V2ResponseWriter.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("predictions");
            for (int row = 0; row < rows; row++) {
                if (classes != null) {
                    writeTopClasses(json, classes, row, labels, topK);
                } else if (outputs.size() == 1) {
                    writeRow(json, outputs.get(0), row);
                } else {
                    json.writeStartObject();
                    for (Tensor output : outputs) {
                        json.writeFieldName(output.name());
                        writeRow(json, output, row);
                    }
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void writeRow(com.fasterxml.jackson.core.JsonGenerator json, Tensor output, int row)
            throws java.io.IOException {
        long[] shape = output.shape();
        long[] trailing = Arrays.copyOfRange(shape, 1, shape.length);
        int perRow = Math.toIntExact(Shapes.elementCount(trailing));
        TensorDataWriter.writeNested(json, output, trailing, 0, row * perRow);
    }

    private static void writeTopClasses(com.fasterxml.jackson.core.JsonGenerator json, Tensor classes, int row,
            List<String> labels, int topK) throws java.io.IOException {
        double[] scores = Scores.probabilities(rowValues(classes, row, labels.size()));
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        json.writeStartArray();
        for (int i = 0; i < Math.min(topK, order.length); i++) {
            json.writeStartObject();
            json.writeStringField("label", labels.get(order[i]));
            json.writeNumberField("score", (float) scores[order[i]]);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static double[] rowValues(Tensor tensor, int row, int width) {
        ByteBuffer buffer = tensor.buffer();
        double[] values = new double[width];
        for (int i = 0; i < width; i++) {
            int index = row * width + i;
            values[i] = switch (tensor.datatype()) {
                case FP16 -> io.slipway.runtime.tensor.Float16.toFloat(buffer.getShort(index * 2));
                case FP32 -> buffer.getFloat(index * 4);
                default -> buffer.getDouble(index * 8);
            };
        }
        return values;
    }
}
