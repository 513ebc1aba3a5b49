package io.slipway.runtime.model;

import ai.djl.Model;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import io.slipway.runtime.tensor.DataType;
import io.slipway.runtime.tensor.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads an ONNX model into DJL's ONNX Runtime engine. The session is opened here rather than by
 * {@code Model.load} so the model's own input and output types and shapes can be read from it.
 */
final class OnnxLoader {

    /** The platform name reported in the model metadata (Triton's name for it). */
    static final String PLATFORM = "onnxruntime_onnx";

    private OnnxLoader() {
    }

    static DjlModel load(String name, Path file) {
        Model model = Model.newInstance(name, "OnnxRuntime");
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Spinning intra-op threads compete with the HTTP threads for two cores: p99 doubles.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
            List<TensorInfo> inputs = describe("input", session.getInputInfo());
            List<TensorInfo> outputs = describe("output", session.getOutputInfo());
            requireCarried("input", inputs);
            requireCarried("output", outputs);
            model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
            return new DjlModel(model, new ModelMetadata(name, "1", PLATFORM, inputs, outputs));
        } catch (OrtException e) {
            model.close();
            throw new ModelLoadException("ONNX Runtime cannot load " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Types DJL's ONNX Runtime engine cannot pass: ONNX Runtime's Java API has no unsigned
     * integers wider than 8 bits, and DJL does not convert INT16.
     */
    private static final java.util.Set<DataType> NOT_CARRIED =
            java.util.EnumSet.of(DataType.INT16, DataType.UINT16, DataType.UINT32, DataType.UINT64);

    private static void requireCarried(String role, List<TensorInfo> infos) {
        for (TensorInfo info : infos) {
            if (NOT_CARRIED.contains(info.datatype())) {
                throw new ModelLoadException("the model's " + role + " '" + info.name() + "' is " + info.datatype()
                        + ", which DJL's ONNX Runtime engine cannot pass; use INT32 or INT64 in the model");
            }
        }
    }

    private static List<TensorInfo> describe(String role, Map<String, NodeInfo> nodes) {
        List<TensorInfo> result = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (!(node.getInfo() instanceof ai.onnxruntime.TensorInfo info)) {
                throw new ModelLoadException("the model's " + role + " '" + node.getName() + "' is a "
                        + node.getInfo().getClass().getSimpleName().replace("Info", "").toLowerCase()
                        + ", not a tensor; export it as a plain tensor (for scikit-learn classifiers: "
                        + "options={'zipmap': False})");
            }
            result.add(new TensorInfo(node.getName(), datatype(role, node.getName(), info.onnxType), info.getShape()));
        }
        return result;
    }

    private static DataType datatype(String role, String name, OnnxTensorType type) {
        return switch (type) {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> DataType.BOOL;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> DataType.UINT8;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16 -> DataType.UINT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32 -> DataType.UINT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64 -> DataType.UINT64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> DataType.INT8;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> DataType.INT16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> DataType.INT32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> DataType.INT64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> DataType.FP16;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> DataType.FP32;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> DataType.FP64;
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> DataType.BYTES;
            default -> throw new ModelLoadException("the model's " + role + " '" + name + "' has element type "
                    + type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "")
                    + ", which the Open Inference Protocol cannot carry");
        };
    }
}
