package io.slipway.platform.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the process backend decides from its state files alone, without starting a runtime. */
class ProcessBackendTests {

    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path distribution;

    @TempDir
    Path stateDir;

    @TempDir
    Path releaseDir;

    private ProcessBackend backend;
    private InstanceFiles files;
    private Process stranger;

    @BeforeEach
    void createBackend() throws IOException {
        Files.createFile(distribution.resolve("model-runtime.jar"));
        Files.createDirectory(distribution.resolve("lib"));
        backend = new ProcessBackend(distribution, stateDir, Clock.fixed(STARTED, ZoneOffset.UTC));
        files = new InstanceFiles(stateDir);
    }

    @AfterEach
    void killStranger() {
        if (stranger != null) {
            stranger.destroyForcibly();
        }
    }

    @Test
    void nameIsProcess() {
        assertThat(backend.name()).isEqualTo("process");
    }

    @Test
    void reusedPidOfAnotherProcessIsNotTakenForTheInstance() throws IOException {
        stranger = new ProcessBuilder("sleep", "60").start();
        files.write(record("iris-1", stranger.pid()));

        assertThat(backend.list()).singleElement().satisfies(instance -> {
            assertThat(instance.id()).isEqualTo("iris-1");
            assertThat(instance.state()).isEqualTo(InstanceState.EXITED);
        });
        assertThat(backend.find("iris-1")).hasValueSatisfying(instance -> assertThat(instance.running()).isFalse());
    }

    @Test
    void stopOfInstanceWhosePidWasReusedLeavesThatProcessAlone() throws IOException {
        stranger = new ProcessBuilder("sleep", "60").start();
        files.write(record("iris-1", stranger.pid()));

        backend.stop("iris-1", Duration.ZERO);

        assertThat(stranger.isAlive()).isTrue();
        assertThat(backend.list()).isEmpty();
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void instanceWhoseProcessIsGoneIsListedAsExitedUntilStopped() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        files.write(record("iris-1", gone.pid()));
        Files.writeString(files.log("iris-1"), "last words\n");

        assertThat(backend.list()).extracting(i -> i.state()).containsExactly(InstanceState.EXITED);
        assertThat(backend.logs("iris-1", 10)).isEqualTo("last words\n");
        backend.stop("iris-1", Duration.ofSeconds(1));
        assertThat(backend.list()).isEmpty();
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void listDescribesInstanceFromItsStateFile() {
        files.write(record("iris-1", Long.MAX_VALUE));

        assertThat(backend.list()).singleElement().satisfies(instance -> {
            assertThat(instance.app()).isEqualTo("iris");
            assertThat(instance.release()).isEqualTo(7);
            assertThat(instance.port()).isEqualTo(45678);
            assertThat(instance.startedAt()).isEqualTo(STARTED);
            assertThat(instance.backendId()).isEqualTo(Long.toString(Long.MAX_VALUE));
        });
    }

    @Test
    void listSkipsUnreadableStateFiles() throws IOException {
        Files.writeString(stateDir.resolve("broken.properties"), "id=broken\napp=iris\n");
        files.write(record("iris-1", Long.MAX_VALUE));

        assertThat(backend.list()).extracting(i -> i.id()).containsExactly("iris-1");
    }

    @Test
    void startingAnIdWithAStateFileFails() {
        files.write(record("iris-1", Long.MAX_VALUE));

        assertThatThrownBy(() -> backend.start(spec("iris-1", releaseDir)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("iris-1 of app iris exists already");
    }

    @Test
    void startWithoutReleaseDirectoryFails() {
        InstanceSpec imageOnly = new InstanceSpec("iris-1", "iris", 1, "slipway/iris:1", null, Map.of(), 1, 0);

        assertThatThrownBy(() -> backend.start(imageOnly))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("runs a release directory")
                .hasMessageContaining("iris-1");
    }

    @Test
    void startWithMissingReleaseDirectoryFails() {
        assertThatThrownBy(() -> backend.start(spec("iris-1", releaseDir.resolve("missing"))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void startWithIdThatCannotNameAFileFails() {
        assertThatThrownBy(() -> backend.start(spec("../escape", releaseDir)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("'../escape'");
        assertThat(stateDir).isEmptyDirectory();
    }

    @Test
    void unknownOrMalformedIdsAreNoOps() {
        backend.stop("nobody", Duration.ZERO);
        backend.stop("../nobody", Duration.ZERO);

        assertThat(backend.find("nobody")).isEmpty();
        assertThat(backend.find("../nobody")).isEmpty();
        assertThat(backend.logs("nobody", 10)).isEmpty();
        assertThat(backend.logs("../nobody", 10)).isEmpty();
    }

    @Test
    void newBackendRejectsDistributionWithoutRuntimeJar(@TempDir Path empty) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProcessBackend(empty, stateDir, Clock.systemUTC()))
                .withMessageContaining("model-runtime.jar")
                .withMessageContaining("mvn install");
    }

    private InstanceRecord record(String id, long pid) {
        return new InstanceRecord(id, "iris", 7, pid, 45678, STARTED, releaseDir);
    }

    private static InstanceSpec spec(String id, Path dir) {
        return new InstanceSpec(id, "iris", 1, null, dir, Map.of(), 1, 512L << 20);
    }
}
