package io.slipway.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.protocol.InferRequest.OutputRequest;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Shapes;
import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Open Inference Protocol infer request, JSON or JSON plus binary data, and checks it
 * against the model: every answer to a bad request names the input and what was expected.
 */
public final class V2RequestReader {

    private static final Set<String> REQUEST_FIELDS = Set.of("id", "parameters", "inputs", "outputs");
    private static final Set<String> INPUT_FIELDS = Set.of("name", "datatype", "shape", "data", "parameters");
    private static final Set<String> OUTPUT_FIELDS = Set.of("name", "parameters");

    private V2RequestReader() {
    }

    /**
     * Reads a request whose first {@code jsonLength} bytes are JSON and the rest binary tensor
     * data ({@code jsonLength} < 0: all JSON).
     */
    public static InferRequest read(byte[] body, int jsonLength, ModelMetadata model) {
        int headerLength = jsonLength < 0 ? body.length : jsonLength;
        if (headerLength > body.length) {
            throw InferenceException.badInput("Inference-Header-Content-Length " + jsonLength
                    + " is larger than the body (" + body.length + " bytes)");
        }
        JsonNode root = Json.parse(body, 0, headerLength);
        unknownFields("request", root, REQUEST_FIELDS);
        String id = null;
        if (root.has("id")) {
            if (!root.get("id").isTextual()) {
                throw InferenceException.badInput("'id' must be a string");
            }
            id = root.get("id").textValue();
        }
        boolean binaryOutputs = booleanParameter(root, "binary_data_output", "request");
        ByteBuffer binary = ByteBuffer.wrap(body, headerLength, body.length - headerLength).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> inputs = readInputs(root.get("inputs"), model, binary, body.length);
        if (binary.hasRemaining()) {
            throw InferenceException.badInput(binary.remaining() + " bytes of binary data follow the JSON "
                    + "but no input claims them with parameters.binary_data_size");
        }
        List<Tensor> ordered = new ArrayList<>();
        for (TensorInfo info : model.inputs()) {
            Tensor tensor = inputs.get(info.name());
            if (tensor == null) {
                throw InferenceException.badInput("missing input '" + info.name() + "'; the model takes "
                        + names(model.inputs()));
            }
            ordered.add(tensor);
        }
        checkBatch(ordered);
        return new InferRequest(id, ordered, readOutputs(root.get("outputs"), model), binaryOutputs);
    }

    private static Map<String, Tensor> readInputs(JsonNode inputs, ModelMetadata model, ByteBuffer binary, int bodyLength) {
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw InferenceException.badInput("'inputs' must be a non-empty array of tensors; the model takes "
                    + names(model.inputs()));
        }
        Map<String, Tensor> byName = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode input : inputs) {
            String where = "inputs[" + index++ + "]";
            if (!input.isObject()) {
                throw InferenceException.badInput(where + " must be an object with name, datatype, shape and data");
            }
            unknownFields(where, input, INPUT_FIELDS);
            String name = text(input, "name", where);
            TensorInfo info = model.input(name).orElseThrow(() -> InferenceException.badInput(
                    "unknown input '" + name + "'; the model takes " + names(model.inputs())));
            if (byName.containsKey(name)) {
                throw InferenceException.badInput("input '" + name + "' is given twice");
            }
            byName.put(name, readInput(input, info, binary, bodyLength));
        }
        return byName;
    }

    private static Tensor readInput(JsonNode input, TensorInfo info, ByteBuffer binary, int bodyLength) {
        String name = info.name();
        String where = "input '" + name + "'";
        DataType datatype;
        try {
            datatype = DataType.parse(text(input, "datatype", where));
        } catch (IllegalArgumentException e) {
            throw InferenceException.badInput(where + ": " + e.getMessage());
        }
        if (datatype != info.datatype()) {
            throw InferenceException.badInput(where + ": datatype " + datatype + " does not match the model's "
                    + info.datatype());
        }
        long[] shape = shape(input.get("shape"), where);
        if (!Shapes.matches(info.shape(), shape)) {
            throw InferenceException.badInput(where + ": shape " + Shapes.format(shape)
                    + " does not match the model's " + Shapes.format(info.shape()) + " (-1 = any size)");
        }
        long count;
        try {
            count = Shapes.elementCount(shape);
        } catch (ArithmeticException e) {
            throw InferenceException.badInput(where + ": shape " + Shapes.format(shape) + " is too large");
        }
        JsonNode parameters = input.get("parameters");
        JsonNode binarySize = parameters == null ? null : parameters.get("binary_data_size");
        if (binarySize != null) {
            if (input.has("data")) {
                throw InferenceException.badInput(where + ": give either data or parameters.binary_data_size, not both");
            }
            return BinaryTensors.read(name, datatype, shape, count, binarySize, binary);
        }
        JsonNode data = input.get("data");
        if (data == null) {
            throw InferenceException.badInput(where + ": 'data' is missing");
        }
        if (count > bodyLength) {
            throw InferenceException.badInput(where + ": shape " + Shapes.format(shape) + " needs " + count
                    + " values, more than the request could hold");
        }
        return TensorDataReader.read(name, datatype, shape, TensorDataReader.leaves(name, data));
    }

    private static List<OutputRequest> readOutputs(JsonNode outputs, ModelMetadata model) {
        if (outputs == null) {
            return List.of();
        }
        if (!outputs.isArray()) {
            throw InferenceException.badInput("'outputs' must be an array of {\"name\": ...} objects");
        }
        List<OutputRequest> requested = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        int index = 0;
        for (JsonNode output : outputs) {
            String where = "outputs[" + index++ + "]";
            if (!output.isObject()) {
                throw InferenceException.badInput(where + " must be an object with a name");
            }
            unknownFields(where, output, OUTPUT_FIELDS);
            String name = text(output, "name", where);
            if (model.output(name).isEmpty()) {
                throw InferenceException.badInput("unknown output '" + name + "'; the model gives "
                        + names(model.outputs()));
            }
            if (seen.put(name, Boolean.TRUE) != null) {
                throw InferenceException.badInput("output '" + name + "' is asked for twice");
            }
            requested.add(new OutputRequest(name, booleanParameter(output, "binary_data", "output '" + name + "'")));
        }
        return requested;
    }

    private static void checkBatch(List<Tensor> inputs) {
        long rows = inputs.get(0).rows();
        for (Tensor tensor : inputs) {
            if (tensor.shape().length > 0 && tensor.rows() != rows) {
                throw InferenceException.badInput("inputs disagree on the batch size: '" + inputs.get(0).name()
                        + "' has " + rows + " rows, '" + tensor.name() + "' has " + tensor.rows());
            }
        }
    }

    static long[] shape(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw InferenceException.badInput(where + ": 'shape' must be an array of non-negative integers");
        }
        if (node.size() > 16) {
            throw InferenceException.badInput(where + ": shape has " + node.size() + " dimensions; at most 16 are allowed");
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = node.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.longValue() < 0) {
                throw InferenceException.badInput(where + ": shape[" + i + "] must be a non-negative integer, got " + dim);
            }
            shape[i] = dim.longValue();
        }
        return shape;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw InferenceException.badInput(where + ": '" + field + "' must be a non-empty string");
        }
        return value.textValue();
    }

    private static boolean booleanParameter(JsonNode node, String name, String where) {
        JsonNode parameters = node.get("parameters");
        if (parameters == null) {
            return false;
        }
        if (!parameters.isObject()) {
            throw InferenceException.badInput(where + ": 'parameters' must be an object");
        }
        JsonNode value = parameters.get(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw InferenceException.badInput(where + ": parameters." + name + " must be true or false");
        }
        return value.booleanValue();
    }

    private static void unknownFields(String where, JsonNode node, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw InferenceException.badInput(where + ": unknown field '" + field + "'; expected "
                        + known.stream().sorted().toList());
            }
        }
    }

    static List<String> names(List<TensorInfo> infos) {
        return infos.stream().map(TensorInfo::toString).toList();
    }
}
