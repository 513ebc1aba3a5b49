package io.slipway.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Float16;
import io.slipway.runtime.tensor.Shapes;
import io.slipway.runtime.tensor.Tensor;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns JSON {@code data} (nested or flat arrays) into a tensor of a given datatype and shape,
 * naming the input and the element index in every complaint.
 */
final class TensorDataReader {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private TensorDataReader() {
    }

    /** Collects the leaves of a nested JSON array in row-major order. */
    static List<JsonNode> leaves(String input, JsonNode data) {
        List<JsonNode> leaves = new ArrayList<>();
        if (!data.isArray()) {
            leaves.add(data);
            return leaves;
        }
        collect(input, data, leaves);
        return leaves;
    }

    private static void collect(String input, JsonNode node, List<JsonNode> leaves) {
        for (JsonNode child : node) {
            if (child.isArray()) {
                collect(input, child, leaves);
            } else if (child.isObject()) {
                throw InferenceException.badInput("input '" + input + "': data[" + leaves.size()
                        + "]: expected a value, got an object");
            } else {
                leaves.add(child);
            }
        }
    }

    /** A tensor of {@code datatype} and {@code shape} from JSON leaves. */
    static Tensor read(String input, DataType datatype, long[] shape, List<JsonNode> leaves) {
        long expected = Shapes.elementCount(shape);
        if (expected != leaves.size()) {
            throw InferenceException.badInput("input '" + input + "': shape " + Shapes.format(shape) + " needs "
                    + expected + " values, but data has " + leaves.size());
        }
        if (datatype == DataType.BYTES) {
            byte[][] elements = new byte[leaves.size()][];
            for (int i = 0; i < elements.length; i++) {
                JsonNode leaf = leaves.get(i);
                if (!leaf.isTextual()) {
                    throw element(input, i, "expected a string", leaf);
                }
                elements[i] = leaf.textValue().getBytes(StandardCharsets.UTF_8);
            }
            return Tensor.ofBytes(input, shape, elements);
        }
        ByteBuffer buffer = ByteBuffer.allocate(leaves.size() * datatype.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < leaves.size(); i++) {
            put(buffer, input, datatype, i, leaves.get(i));
        }
        return Tensor.ofRaw(input, datatype, shape, buffer.array());
    }

    private static void put(ByteBuffer buffer, String input, DataType type, int index, JsonNode leaf) {
        switch (type) {
            case BOOL -> {
                if (!leaf.isBoolean()) {
                    throw element(input, index, "expected true or false", leaf);
                }
                buffer.put((byte) (leaf.booleanValue() ? 1 : 0));
            }
            case FP16 -> buffer.putShort(Float16.fromFloat((float) floating(input, index, leaf)));
            case FP32 -> buffer.putFloat((float) floating(input, index, leaf));
            case FP64 -> buffer.putDouble(floating(input, index, leaf));
            case INT8 -> buffer.put((byte) integer(input, index, leaf, -128, 127, type));
            case UINT8 -> buffer.put((byte) integer(input, index, leaf, 0, 255, type));
            case INT16 -> buffer.putShort((short) integer(input, index, leaf, Short.MIN_VALUE, Short.MAX_VALUE, type));
            case UINT16 -> buffer.putShort((short) integer(input, index, leaf, 0, 65535, type));
            case INT32 -> buffer.putInt((int) integer(input, index, leaf, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
            case UINT32 -> buffer.putInt((int) integer(input, index, leaf, 0, 4294967295L, type));
            case INT64 -> buffer.putLong(integer(input, index, leaf, Long.MIN_VALUE, Long.MAX_VALUE, type));
            case UINT64 -> buffer.putLong(unsigned64(input, index, leaf));
            case BYTES -> throw new IllegalStateException("BYTES has no fixed layout");
        }
    }

    private static double floating(String input, int index, JsonNode leaf) {
        if (leaf.isNumber()) {
            return leaf.doubleValue();
        }
        if (leaf.isTextual()) {
            switch (leaf.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity", "inf":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw element(input, index, "expected a number", leaf);
    }

    private static long integer(String input, int index, JsonNode leaf, long min, long max, DataType type) {
        if (!leaf.isIntegralNumber()) {
            throw element(input, index, leaf.isNumber() ? "expected an integer" : "expected a number", leaf);
        }
        if (!leaf.canConvertToLong() || leaf.longValue() < min || leaf.longValue() > max) {
            throw element(input, index, "value out of range for " + type + " (" + min + ".." + max + ")", leaf);
        }
        return leaf.longValue();
    }

    private static long unsigned64(String input, int index, JsonNode leaf) {
        if (!leaf.isIntegralNumber()) {
            throw element(input, index, leaf.isNumber() ? "expected an integer" : "expected a number", leaf);
        }
        BigInteger value = leaf.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
            throw element(input, index, "value out of range for UINT64 (0.." + UINT64_MAX + ")", leaf);
        }
        return value.longValue();
    }

    private static InferenceException element(String input, int index, String expectation, JsonNode leaf) {
        String shown = leaf.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return InferenceException.badInput("input '" + input + "': data[" + index + "]: " + expectation + ", got " + shown);
    }
}
