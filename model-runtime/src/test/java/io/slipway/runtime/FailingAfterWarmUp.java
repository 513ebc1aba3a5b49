package io.slipway.runtime;

import io.slipway.runtime.model.EchoModel;
import io.slipway.runtime.model.InferenceModel;
import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.tensor.TensorInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A model that passes its warm-up and then fails every inference, as a model with a bug would. */
final class FailingAfterWarmUp implements InferenceModel {

    private final EchoModel working;
    private final EchoModel failing;
    private final AtomicBoolean warmedUp = new AtomicBoolean();

    FailingAfterWarmUp(List<TensorInfo> inputs) {
        working = EchoModel.echoing("failing", inputs, Duration.ZERO);
        failing = EchoModel.failing("failing", inputs, Duration.ZERO);
    }

    @Override
    public ModelMetadata metadata() {
        return working.metadata();
    }

    @Override
    public Session newSession() {
        return warmedUp.getAndSet(true) ? failing.newSession() : working.newSession();
    }

    @Override
    public void close() {
    }
}
