package io.slipway.platform.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, labels and states of instance containers, without an engine. */
class ContainerRequestsTests {

    @Test
    void nameHasAppReleaseAndAShortInstanceId() {
        InstanceSpec spec = new InstanceSpec("3f2a9c0e-7b1d-4e5f-8a6b-1c2d3e4f5a6b", "iris", 12, "img", null,
                Map.of(), 1, 0);

        assertThat(ContainerRequests.name(spec)).isEqualTo("slipway-iris-v12-1c2d3e4f5a6b");
    }

    @Test
    void nameWhenTheIdAlreadyNamesAppAndReleaseDoesNotRepeatThem() {
        InstanceSpec spec = new InstanceSpec("iris-v3-e0c8d02b", "iris", 3, "img", null, Map.of(), 1, 0);

        assertThat(ContainerRequests.name(spec)).isEqualTo("slipway-iris-v3-e0c8d02b");
    }

    @Test
    void labelsNameAppReleaseInstanceAndPort() {
        InstanceSpec spec = new InstanceSpec("i-1", "iris", 3, "img", null, Map.of(), 1, 0);

        assertThat(ContainerRequests.labels(spec, 8080, "a1b2c3")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "io.slipway.managed", "a1b2c3", "io.slipway.app", "iris", "io.slipway.release", "3",
                "io.slipway.instance", "i-1", "io.slipway.port", "8080"));
    }

    @Test
    void stateIsRunningOnlyForRunningOrRestartingContainers() {
        assertThat(ContainerRequests.state("running")).isEqualTo(InstanceState.RUNNING);
        assertThat(ContainerRequests.state("restarting")).isEqualTo(InstanceState.RUNNING);
        assertThat(ContainerRequests.state("exited")).isEqualTo(InstanceState.EXITED);
        assertThat(ContainerRequests.state("created")).isEqualTo(InstanceState.EXITED);
        assertThat(ContainerRequests.state(null)).isEqualTo(InstanceState.EXITED);
    }

    @Test
    void settingsWhenTheUserIsRootRefuseIt() {
        assertThatThrownBy(() -> new ContainerSettings("127.0.0.1", "0:0", 8080, "64m", 10, "1m",
                java.time.Duration.ofSeconds(1), "x")).hasMessageContaining("root");
    }
}
