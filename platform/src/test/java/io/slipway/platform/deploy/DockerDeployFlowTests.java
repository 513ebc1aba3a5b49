package io.slipway.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.config.Installation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The deploy story on a real Docker engine: images built with docker-java, containers on
 * 127.0.0.1 ports; a model-only change rebuilds only the top layer; nothing left after delete.
 */
class DockerDeployFlowTests extends AbstractDeployFlowTests {

    DockerClient docker;

    @BeforeEach
    void requireDocker() {
        docker = DockerAvailability.client();
    }

    @Override
    String backend() {
        return "docker";
    }

    @Override
    void assertOnlyModelRebuilt(String buildLog) {
        assertThat(buildLog).contains("reused [runtime, engine-onnxruntime], built [model]");
    }

    @Override
    void assertNothingLeftBehind() {
        String installation = Installation.of(dataDir).id();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(
                java.util.Map.of("io.slipway.app", "iris", "io.slipway.managed", installation)).exec()).isEmpty();
        List<String> tags = docker.listImagesCmd().exec().stream()
                .flatMap(image -> image.getRepoTags() == null ? java.util.stream.Stream.empty()
                        : java.util.Arrays.stream(image.getRepoTags()))
                .filter(tag -> tag.startsWith("slipway/iris:") && tag.endsWith("-" + installation)).toList();
        assertThat(tags).isEmpty();
    }
}
