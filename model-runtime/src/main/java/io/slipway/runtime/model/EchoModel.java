package io.slipway.runtime.model;

import io.slipway.runtime.tensor.Tensor;
import io.slipway.runtime.tensor.TensorInfo;
import java.time.Duration;
import java.util.List;

/**
 * A model without weights that returns its inputs as outputs of the same names, after an
 * optional delay, or fails on demand. It lets the whole HTTP path, batching and the platform's
 * scaling be exercised without an engine (manifest {@code format: echo}).
 */
public final class EchoModel implements InferenceModel {

    /** The platform name reported in the model metadata. */
    public static final String PLATFORM = "slipway_echo";

    private final ModelMetadata metadata;
    private final Duration delay;
    private final boolean failing;

    private EchoModel(String name, List<TensorInfo> inputs, Duration delay, boolean failing) {
        this.metadata = new ModelMetadata(name, "1", PLATFORM, inputs, inputs);
        this.delay = delay;
        this.failing = failing;
    }

    /** An echo model that answers after {@code delay}. */
    public static EchoModel echoing(String name, List<TensorInfo> inputs, Duration delay) {
        return new EchoModel(name, inputs, delay, false);
    }

    /** An echo model whose every inference fails after {@code delay}, as a broken model would. */
    public static EchoModel failing(String name, List<TensorInfo> inputs, Duration delay) {
        return new EchoModel(name, inputs, delay, true);
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public Session newSession() {
        return new Session() {
            @Override
            public List<Tensor> run(List<Tensor> inputs) throws Exception {
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                if (failing) {
                    throw new IllegalStateException("the echo model was told to fail");
                }
                return inputs;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
