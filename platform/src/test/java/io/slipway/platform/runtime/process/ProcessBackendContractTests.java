package io.slipway.platform.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.platform.runtime.AbstractRuntimeBackendContractTests;
import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract on child JVMs, plus what only the process backend does. */
class ProcessBackendContractTests extends AbstractRuntimeBackendContractTests {

    private static final long MEMORY = 512L * 1024 * 1024;

    private static Path repo;
    private static Path distribution;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void findRuntimeDistribution() {
        repo = RepoRoot.find();
        distribution = repo.resolve("model-runtime/target");
        assertThat(distribution.resolve("model-runtime.jar"))
                .as("the model runtime is not built; run 'mvn install -DskipTests' in %s first "
                        + "(a reactor 'mvn verify' builds it before platform)", repo)
                .isRegularFile();
    }

    @Override
    protected RuntimeBackend newBackendSharingState() {
        return new ProcessBackend(distribution, stateDir, Clock.systemUTC());
    }

    @Override
    protected InstanceSpec specFor(String instanceId, String app, int release) {
        return new InstanceSpec(instanceId, app, release, null, repo.resolve("sample-apps/iris-onnx"), Map.of(),
                1.0, MEMORY);
    }

    @Override
    protected void killAbruptly(Instance instance) {
        ProcessHandle.of(Long.parseLong(instance.backendId())).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void stateFileDescribesRunningInstanceAndLogFileHoldsItsOutput() {
        Instance instance = startReady("iris", 4);

        InstanceRecord record = new InstanceFiles(stateDir).read(instance.id()).orElseThrow();
        assertThat(record.pid()).isEqualTo(Long.parseLong(instance.backendId()));
        assertThat(record.port()).isEqualTo(instance.port());
        assertThat(record.app()).isEqualTo("iris");
        assertThat(record.release()).isEqualTo(4);
        assertThat(record.releaseDir()).isEqualTo(repo.resolve("sample-apps/iris-onnx").toAbsolutePath().normalize());
        assertThat(stateDir.resolve(instance.id() + ".log")).content().contains("ready on port " + instance.port());
    }

    @Test
    void childRunsWithInstanceMarkerHeapLimitAndOfflineDjl() {
        Instance instance = start("iris", 1);

        ProcessHandle.Info info = ProcessHandle.of(Long.parseLong(instance.backendId())).orElseThrow().info();
        assertThat(info.arguments().orElseThrow()).contains("-Dslipway.instance=" + instance.id(),
                "-Dai.djl.offline=true", "-Xmx384m", "-XX:ActiveProcessorCount=1", "127.0.0.1");
    }

    @Test
    void stopRemovesStateAndLogFiles() {
        Instance instance = start("iris", 1);

        backend.stop(instance.id(), Duration.ofSeconds(10));

        assertThat(stateDir.resolve(instance.id() + ".properties")).doesNotExist();
        assertThat(stateDir.resolve(instance.id() + ".log")).doesNotExist();
    }

    @Test
    void startOfBundleTheRuntimeCannotServeFailsWithItsOutputAndLeavesNothing(@TempDir Path bundle)
            throws IOException {
        Files.writeString(bundle.resolve("slipway.yaml"), "name: broken\nmodel: { format: onnx }\n");
        String id = newInstanceId();

        assertThatThrownBy(() -> backend.start(new InstanceSpec(id, "broken", 1, null, bundle, Map.of(), 1, MEMORY)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(id)
                .hasMessageContaining("exited at start")
                .hasMessageContaining("model-runtime:");
        assertThat(backend.find(id)).isEmpty();
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void startTriesAnotherPortWhenTheChosenOneIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int free = freePort();
            AtomicInteger picks = new AtomicInteger();
            backend = new ProcessBackend(distribution, stateDir, Clock.systemUTC(),
                    () -> picks.getAndIncrement() == 0 ? taken.getLocalPort() : free);

            Instance instance = start("iris", 1);

            assertThat(instance.port()).isEqualTo(free);
            assertThat(picks).hasValue(2);
            awaitReady(instance);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
