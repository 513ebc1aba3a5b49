package io.slipway.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Float16;
import io.slipway.runtime.tensor.Tensor;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes tensor elements as JSON values, flat or one row at a time. */
final class TensorDataWriter {

    private TensorDataWriter() {
    }

    /** Writes elements {@code [from, to)} of a tensor as JSON values (no surrounding array). */
    static void writeElements(JsonGenerator json, Tensor tensor, int from, int to) throws IOException {
        DataType type = tensor.datatype();
        if (type == DataType.BYTES) {
            byte[][] elements = tensor.byteElements();
            for (int i = from; i < to; i++) {
                json.writeString(new String(elements[i], StandardCharsets.UTF_8));
            }
            return;
        }
        ByteBuffer buffer = tensor.buffer();
        int size = type.size();
        for (int i = from; i < to; i++) {
            int at = i * size;
            switch (type) {
                case BOOL -> json.writeBoolean(buffer.get(at) != 0);
                case UINT8 -> json.writeNumber(Byte.toUnsignedInt(buffer.get(at)));
                case INT8 -> json.writeNumber(buffer.get(at));
                case UINT16 -> json.writeNumber(Short.toUnsignedInt(buffer.getShort(at)));
                case INT16 -> json.writeNumber(buffer.getShort(at));
                case UINT32 -> json.writeNumber(Integer.toUnsignedLong(buffer.getInt(at)));
                case INT32 -> json.writeNumber(buffer.getInt(at));
                case UINT64 -> {
                    long value = buffer.getLong(at);
                    if (value >= 0) {
                        json.writeNumber(value);
                    } else {
                        json.writeNumber(new BigInteger(Long.toUnsignedString(value)));
                    }
                }
                case INT64 -> json.writeNumber(buffer.getLong(at));
                case FP16 -> writeFloat(json, Float16.toFloat(buffer.getShort(at)));
                case FP32 -> writeFloat(json, buffer.getFloat(at));
                case FP64 -> writeDouble(json, buffer.getDouble(at));
                case BYTES -> throw new IllegalStateException("BYTES has no fixed layout");
            }
        }
    }

    /**
     * Writes elements {@code [from, to)} nested by {@code dims} (the trailing shape), the way
     * {@code /predict} returns one row.
     */
    static void writeNested(JsonGenerator json, Tensor tensor, long[] dims, int depth, int from) throws IOException {
        if (depth == dims.length) {
            writeElements(json, tensor, from, from + 1);
            return;
        }
        int stride = 1;
        for (int d = depth + 1; d < dims.length; d++) {
            stride *= (int) dims[d];
        }
        json.writeStartArray();
        for (int i = 0; i < dims[depth]; i++) {
            writeNested(json, tensor, dims, depth + 1, from + i * stride);
        }
        json.writeEndArray();
    }

    private static void writeFloat(JsonGenerator json, float value) throws IOException {
        if (Float.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Float.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void writeDouble(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
