package io.slipway.runtime.model;

import io.slipway.runtime.tensor.Tensor;
import java.util.List;

/**
 * A loaded model. Sessions run inferences; each worker thread owns one, since engine
 * predictors are not safe to share between threads.
 */
public interface InferenceModel extends AutoCloseable {

    /** The model's inputs and outputs as far as they are known after loading. */
    ModelMetadata metadata();

    /** A new session for one worker thread. */
    Session newSession();

    @Override
    void close();

    /** Runs inferences for one thread. */
    interface Session extends AutoCloseable {

        /**
         * Runs the model on inputs given in the order of {@link ModelMetadata#inputs()}, each
         * already checked against it, and returns the outputs in the order the model produces them.
         */
        List<Tensor> run(List<Tensor> inputs) throws Exception;

        @Override
        void close();
    }
}
