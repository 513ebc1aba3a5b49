package io.slipway.runtime.model;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import io.slipway.runtime.InferenceException;
import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.util.List;

/** A model run by a DJL engine; each session owns one DJL predictor. */
final class DjlModel implements InferenceModel {

    private final Model model;
    private final ModelMetadata metadata;
    private final List<String> outputNames;

    DjlModel(Model model, ModelMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
        this.outputNames = metadata.outputs().stream().map(TensorInfo::name).toList();
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    /** The same model with metadata completed after a warm-up (for engines that do not declare outputs). */
    DjlModel withMetadata(ModelMetadata completed) {
        return new DjlModel(model, completed);
    }

    @Override
    public Session newSession() {
        Predictor<List<Tensor>, List<Tensor>> predictor = model.newPredictor(new DjlTensors(outputNames));
        return new Session() {
            @Override
            public List<Tensor> run(List<Tensor> inputs) throws TranslateException {
                try {
                    return predictor.predict(inputs);
                } catch (TranslateException e) {
                    if (e.getCause() instanceof InferenceException inferenceException) {
                        throw inferenceException;
                    }
                    throw e;
                }
            }

            @Override
            public void close() {
                predictor.close();
            }
        };
    }

    @Override
    public void close() {
        model.close();
    }
}
