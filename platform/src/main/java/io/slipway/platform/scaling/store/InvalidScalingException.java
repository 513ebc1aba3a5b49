package io.slipway.platform.scaling.store;

import io.slipway.platform.web.BadRequestException;

/** A scaling update that breaks a rule (400), with the field it is about. */
public class InvalidScalingException extends BadRequestException {

    private final transient ScalingProblem problem;

    public InvalidScalingException(ScalingProblem problem) {
        super("scaling." + problem.message());
        this.problem = problem;
    }

    public ScalingProblem problem() {
        return problem;
    }
}
