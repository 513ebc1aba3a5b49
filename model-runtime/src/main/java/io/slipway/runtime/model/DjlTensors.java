package io.slipway.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Converts between the runtime's tensors and DJL's NDArrays, as a DJL translator. */
final class DjlTensors implements NoBatchifyTranslator<List<Tensor>, List<Tensor>> {

    private final List<String> outputNames;

    /** @param outputNames names for outputs the engine leaves unnamed, by position */
    DjlTensors(List<String> outputNames) {
        this.outputNames = outputNames;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDList list = new NDList(inputs.size());
        for (Tensor input : inputs) {
            list.add(toNd(ctx.getNDManager(), input));
        }
        return list;
    }

    @Override
    public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
        List<Tensor> outputs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            NDArray array = list.get(i);
            String name = array.getName() != null ? array.getName()
                    : i < outputNames.size() ? outputNames.get(i) : "output" + i;
            outputs.add(fromNd(name, array));
        }
        return outputs;
    }

    static NDArray toNd(NDManager manager, Tensor tensor) {
        Shape shape = new Shape(tensor.shape());
        NDArray array;
        try {
            if (tensor.datatype() == DataType.BYTES) {
                byte[][] elements = tensor.byteElements();
                String[] strings = new String[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    strings[i] = new String(elements[i], StandardCharsets.UTF_8);
                }
                array = manager.create(strings, StandardCharsets.UTF_8, shape);
            } else {
                ByteBuffer buffer = manager.allocateDirect(tensor.rawBytes().length);
                buffer.put(tensor.rawBytes()).rewind();
                array = manager.create(buffer, shape, toDjl(tensor.datatype()));
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw InferenceException.badInput("input '" + tensor.name() + "': datatype " + tensor.datatype()
                    + " is not supported by the " + manager.getEngine().getEngineName() + " engine");
        }
        array.setName(tensor.name());
        return array;
    }

    static Tensor fromNd(String name, NDArray array) {
        long[] shape = array.getShape().getShape();
        if (array.getDataType() == ai.djl.ndarray.types.DataType.STRING) {
            String[] strings = array.toStringArray(StandardCharsets.UTF_8);
            byte[][] elements = new byte[strings.length][];
            for (int i = 0; i < strings.length; i++) {
                elements[i] = strings[i].getBytes(StandardCharsets.UTF_8);
            }
            return Tensor.ofBytes(name, shape, elements);
        }
        ByteBuffer buffer = array.toByteBuffer();
        if (buffer.order() != ByteOrder.LITTLE_ENDIAN && array.getDataType().getNumOfBytes() > 1) {
            throw new IllegalStateException("engine returned big-endian data for output '" + name + "'");
        }
        byte[] raw = new byte[buffer.remaining()];
        buffer.get(raw);
        return Tensor.ofRaw(name, fromDjl(array.getDataType(), name), shape, raw);
    }

    static ai.djl.ndarray.types.DataType toDjl(DataType type) {
        return switch (type) {
            case BOOL -> ai.djl.ndarray.types.DataType.BOOLEAN;
            case UINT8 -> ai.djl.ndarray.types.DataType.UINT8;
            case UINT16 -> ai.djl.ndarray.types.DataType.UINT16;
            case UINT32 -> ai.djl.ndarray.types.DataType.UINT32;
            case UINT64 -> ai.djl.ndarray.types.DataType.UINT64;
            case INT8 -> ai.djl.ndarray.types.DataType.INT8;
            case INT16 -> ai.djl.ndarray.types.DataType.INT16;
            case INT32 -> ai.djl.ndarray.types.DataType.INT32;
            case INT64 -> ai.djl.ndarray.types.DataType.INT64;
            case FP16 -> ai.djl.ndarray.types.DataType.FLOAT16;
            case FP32 -> ai.djl.ndarray.types.DataType.FLOAT32;
            case FP64 -> ai.djl.ndarray.types.DataType.FLOAT64;
            case BYTES -> ai.djl.ndarray.types.DataType.STRING;
        };
    }

    static DataType fromDjl(ai.djl.ndarray.types.DataType type, String name) {
        return switch (type) {
            case BOOLEAN -> DataType.BOOL;
            case UINT8 -> DataType.UINT8;
            case UINT16 -> DataType.UINT16;
            case UINT32 -> DataType.UINT32;
            case UINT64 -> DataType.UINT64;
            case INT8 -> DataType.INT8;
            case INT16 -> DataType.INT16;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case FLOAT16 -> DataType.FP16;
            case FLOAT32 -> DataType.FP32;
            case FLOAT64 -> DataType.FP64;
            case STRING -> DataType.BYTES;
            default -> throw new IllegalStateException("output '" + name + "' has datatype " + type
                    + ", which the Open Inference Protocol cannot carry");
        };
    }
}
