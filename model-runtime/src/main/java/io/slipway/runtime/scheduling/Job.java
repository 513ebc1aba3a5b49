package io.slipway.runtime.scheduling;

import io.slipway.runtime.tensor.Tensor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One admitted request waiting for, or being run by, an engine worker. */
final class Job {

    final List<Tensor> inputs;
    final long rows;
    final CompletableFuture<List<Tensor>> result = new CompletableFuture<>();

    Job(List<Tensor> inputs) {
        this.inputs = inputs;
        this.rows = inputs.get(0).rows();
    }

    /** Whether this job's inputs can be stacked with {@code other}'s along the first dimension. */
    boolean stacksWith(Job other) {
        for (int i = 0; i < inputs.size(); i++) {
            if (!Tensor.sameTrailingShape(inputs.get(i).shape(), other.inputs.get(i).shape())) {
                return false;
            }
        }
        return true;
    }

    /** A job whose caller gave up (timeout) is skipped rather than run. */
    boolean abandoned() {
        return result.isDone();
    }
}
