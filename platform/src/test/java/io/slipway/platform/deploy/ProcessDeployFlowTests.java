package io.slipway.platform.deploy;

/** The deploy story on the process backend (child JVMs), for machines without Docker. */
class ProcessDeployFlowTests extends AbstractDeployFlowTests {

    @Override
    String backend() {
        return "process";
    }
}
