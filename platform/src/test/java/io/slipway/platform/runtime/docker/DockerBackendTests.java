package io.slipway.platform.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.build.docker.TestImages;
import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only the Docker backend does, against a real engine: hardening and limits of the
 * container, a TorchScript image, failures. The shared behaviour is in {@link DockerBackendContractTests}.
 */
class DockerBackendTests {

    private static final long MEMORY = 512L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DockerClient docker;
    private static DockerBackend backend;
    private static Instance iris;

    @BeforeAll
    static void startIris() throws Exception {
        docker = DockerAvailability.client();
        backend = new DockerBackend(docker, 
                ContainerSettings.DEFAULTS.withInstallation("test-" + java.util.UUID.randomUUID().toString().substring(0, 8)));
        String image = TestImages.iris().tag();
        long start = System.nanoTime();
        iris = backend.start(spec("iris", image));
        Duration ready = awaitReady(iris, Duration.ofSeconds(60));
        System.out.printf("[docker-tests] iris: start() took %d ms, then ready after %d ms (%d ms in all)%n",
                (System.nanoTime() - start) / 1_000_000 - ready.toMillis(), ready.toMillis(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stopIris() {
        if (iris != null) {
            backend.stop(iris.id(), Duration.ofSeconds(5));
        }
    }

    @Test
    void startedInstanceAnswersInferenceOnItsLoopbackPort() throws Exception {
        String request = Files.readString(Path.of("../sample-apps/iris-onnx/example-request.json"));

        HttpResponse<String> response = RuntimeInstances.post(iris.port(), "/v2/models/iris/infer", request);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode output = JSON.readTree(response.body()).path("outputs").get(0);
        JsonNode probabilities = output.path("data");
        assertThat(output.path("shape").get(0).asInt()).isEqualTo(2);
        double firstRowSum = probabilities.get(0).asDouble() + probabilities.get(1).asDouble()
                + probabilities.get(2).asDouble();
        assertThat(firstRowSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(probabilities.get(0).asDouble()).as("setosa for the first flower").isGreaterThan(0.9);
    }

    @Test
    void startRunsTheContainerAsNonRootWithLimitsAndNoPrivileges() {
        InspectContainerResponse container = docker.inspectContainerCmd(iris.backendId()).exec();

        assertThat(container.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(container.getHostConfig().getMemory()).isEqualTo(MEMORY);
        assertThat(container.getHostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(container.getHostConfig().getCapDrop()).containsExactly(Capability.ALL);
        assertThat(container.getHostConfig().getSecurityOpts()).contains("no-new-privileges:true");
        assertThat(container.getHostConfig().getReadonlyRootfs()).isTrue();
        assertThat(container.getHostConfig().getPrivileged()).isFalse();
        assertThat(container.getHostConfig().getTmpFs()).containsKey("/tmp");
        assertThat(container.getMounts()).noneMatch(mount -> String.valueOf(mount.getSource()).contains("docker.sock"));
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(8080));
        assertThat(bindings).singleElement().satisfies(binding -> {
            assertThat(binding.getHostIp()).isEqualTo("127.0.0.1");
            assertThat(binding.getHostPortSpec()).isEqualTo(Integer.toString(iris.port()));
        });
        assertThat(container.getName()).matches("/slipway-iris-v1-[a-zA-Z0-9]{1,12}");
        assertThat(container.getConfig().getLabels()).hasEntrySatisfying("io.slipway.managed", value -> assertThat(value).startsWith("test-"))
                .containsEntry("io.slipway.app", "iris").containsEntry("io.slipway.release", "1")
                .containsEntry("io.slipway.instance", iris.id());
    }

    @Test
    void logsOfAnInstanceThatExitedStillSayWhy() throws Exception {
        InstanceSpec broken = new InstanceSpec(UUID.randomUUID().toString(), "broken", 1, TestImages.iris().tag(), null,
                Map.of("JAVA_TOOL_OPTIONS", "-XX:+SlipwayNoSuchOption"), 0.5, MEMORY);
        Instance instance = backend.start(broken);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (backend.find(instance.id()).orElseThrow().running() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }

            assertThat(backend.find(instance.id())).get().extracting(Instance::state).isEqualTo(InstanceState.EXITED);
            assertThat(backend.logs(instance.id(), 20)).contains("SlipwayNoSuchOption");
        } finally {
            backend.stop(instance.id(), Duration.ofSeconds(1));
        }
    }

    @Test
    void startWhenTheImageDoesNotExistFailsNamingAppAndImage() {
        assertThatThrownBy(() -> backend.start(spec("ghost", "slipway-test/no-such-image:1")))
                .isInstanceOf(BackendException.class).hasMessageContaining("ghost")
                .hasMessageContaining("slipway-test/no-such-image:1");
    }

    @Test
    void torchScriptDigitsInstanceServesFromExtractedNatives() throws Exception {
        Instance digits = backend.start(spec("digits", TestImages.digits().tag()));
        try {
            Duration ready = awaitReady(digits, Duration.ofSeconds(90));
            System.out.printf("[docker-tests] digits: ready %d ms after start()%n", ready.toMillis());
            String request = Files.readString(Path.of("../sample-apps/digits-torchscript/example-request.json"));

            HttpResponse<String> response = RuntimeInstances.post(digits.port(), "/v2/models/digits/infer", request);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode scores = JSON.readTree(response.body()).path("outputs").get(0).path("data");
            assertThat(scores).hasSize(10);
            int best = 0;
            for (int i = 1; i < scores.size(); i++) {
                best = scores.get(i).asDouble() > scores.get(best).asDouble() ? i : best;
            }
            assertThat(best).as("the example is a 1").isEqualTo(1);
            assertThat(backend.logs(digits.id(), 200)).doesNotContain("Extracting");
        } finally {
            backend.stop(digits.id(), Duration.ofSeconds(5));
        }
    }

    private static Duration awaitReady(Instance instance, Duration timeout) throws InterruptedException {
        try {
            return RuntimeInstances.awaitReady(instance.port(), timeout,
                    () -> backend.find(instance.id()).map(Instance::running).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its log:\n" + backend.logs(instance.id(), 50), e);
        }
    }

    private static InstanceSpec spec(String app, String image) {
        return new InstanceSpec(UUID.randomUUID().toString().replace("-", ""), app, 1, image, null, Map.of(), 1.0,
                MEMORY);
    }
}
