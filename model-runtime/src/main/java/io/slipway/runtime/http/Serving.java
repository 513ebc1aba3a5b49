package io.slipway.runtime.http;

import io.slipway.runtime.model.ModelMetadata;
import io.slipway.runtime.scheduling.InferenceScheduler;
import java.util.List;

/**
 * A model that is ready to serve: its metadata, the scheduler that runs it, and the labels that
 * {@code /predict} puts on classification outputs.
 */
public record Serving(ModelMetadata metadata, InferenceScheduler scheduler, List<String> labels) {

    public Serving {
        labels = List.copyOf(labels);
    }
}
