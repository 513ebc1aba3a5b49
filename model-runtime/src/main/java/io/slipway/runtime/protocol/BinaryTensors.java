package io.slipway.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The binary-data extension of the protocol: fixed-size elements as raw little-endian bytes,
 * BYTES elements each as a 4-byte little-endian length followed by the bytes.
 */
final class BinaryTensors {

    private BinaryTensors() {
    }

    static Tensor read(String name, DataType datatype, long[] shape, long count, JsonNode sizeNode, ByteBuffer binary) {
        String where = "input '" + name + "'";
        if (!sizeNode.isIntegralNumber() || sizeNode.longValue() < 0) {
            throw InferenceException.badInput(where + ": parameters.binary_data_size must be a non-negative integer");
        }
        long size = sizeNode.longValue();
        if (size > binary.remaining()) {
            throw InferenceException.badInput(where + ": binary_data_size " + size + " is more than the "
                    + binary.remaining() + " bytes of binary data left in the body");
        }
        ByteBuffer section = binary.slice().order(ByteOrder.LITTLE_ENDIAN);
        section.limit((int) size);
        binary.position(binary.position() + (int) size);
        if (datatype.isFixedSize()) {
            if (size != count * datatype.size()) {
                throw InferenceException.badInput(where + ": binary_data_size " + size + " does not match shape "
                        + io.slipway.runtime.tensor.Shapes.format(shape) + " of " + datatype + " ("
                        + count * datatype.size() + " bytes)");
            }
            byte[] raw = new byte[(int) size];
            section.get(raw);
            return Tensor.ofRaw(name, datatype, shape, raw);
        }
        byte[][] elements = new byte[(int) Math.min(count, size / 4 + 1)][];
        for (int i = 0; i < count; i++) {
            if (i >= elements.length || section.remaining() < 4) {
                throw InferenceException.badInput(where + ": binary data ends after " + i + " of " + count + " BYTES elements");
            }
            int length = section.getInt();
            if (length < 0 || length > section.remaining()) {
                throw InferenceException.badInput(where + ": BYTES element " + i + " claims " + Integer.toUnsignedString(length)
                        + " bytes but only " + section.remaining() + " are left");
            }
            elements[i] = new byte[length];
            section.get(elements[i]);
        }
        if (section.hasRemaining()) {
            throw InferenceException.badInput(where + ": " + section.remaining() + " bytes left over after "
                    + count + " BYTES elements");
        }
        return Tensor.ofBytes(name, shape, elements);
    }

    static byte[] write(Tensor tensor) {
        if (tensor.datatype().isFixedSize()) {
            return tensor.rawBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] element : tensor.byteElements()) {
            out.writeBytes(length.putInt(0, element.length).array());
            out.writeBytes(element);
        }
        return out.toByteArray();
    }
}
