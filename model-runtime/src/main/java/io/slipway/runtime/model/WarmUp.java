package io.slipway.runtime.model;

import io.slipway.runtime.tensor.Shapes;
import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The first inferences of a freshly loaded model: they make the engine allocate and optimise
 * before a caller waits on it, learn the outputs of models that do not declare them, and tell
 * whether the outputs can be split by rows, which dynamic batching needs.
 */
public final class WarmUp {

    /**
     * What the warm-up learnt.
     *
     * @param metadata the model's metadata with its outputs known
     * @param batchable whether two stacked rows come back as two rows of every output
     */
    public record Result(ModelMetadata metadata, boolean batchable) {
    }

    private WarmUp() {
    }

    /**
     * Runs one inference of zeros with one row, and when {@code tryBatch} one with two rows.
     *
     * @throws ModelLoadException when the model cannot run its own declared inputs
     */
    public static Result run(InferenceModel model, boolean tryBatch) {
        ModelMetadata metadata = model.metadata();
        boolean batchable = metadata.inputs().stream().allMatch(i -> Shapes.isBatchable(i.shape()));
        try (InferenceModel.Session session = model.newSession()) {
            List<Tensor> outputs = session.run(zeros(metadata, 1));
            if (metadata.outputs().isEmpty()) {
                metadata = metadata.withOutputs(describe(outputs, batchable));
            }
            if (tryBatch && batchable) {
                List<Tensor> two = session.run(zeros(metadata, 2));
                batchable = two.stream().allMatch(o -> o.shape().length > 0 && o.rows() == 2);
            }
        } catch (ModelLoadException e) {
            throw e;
        } catch (Exception e) {
            throw new ModelLoadException("the warm-up inference failed on inputs "
                    + metadata.inputs() + ": " + e.getMessage(), e);
        }
        return new Result(metadata, batchable);
    }

    private static List<Tensor> zeros(ModelMetadata metadata, long rows) {
        List<Tensor> inputs = new ArrayList<>();
        for (TensorInfo info : metadata.inputs()) {
            long[] shape = Shapes.concrete(info.shape(), 1);
            if (shape.length > 0 && info.shape()[0] < 0) {
                shape[0] = rows;
            }
            inputs.add(Tensor.zeros(info.name(), info.datatype(), shape));
        }
        return inputs;
    }

    private static List<TensorInfo> describe(List<Tensor> outputs, boolean batchable) {
        List<TensorInfo> infos = new ArrayList<>();
        for (Tensor output : outputs) {
            long[] shape = output.shape();
            if (batchable && shape.length > 0 && shape[0] == 1) {
                shape[0] = -1;
            }
            infos.add(new TensorInfo(output.name(), output.datatype(), shape));
        }
        return infos;
    }
}
