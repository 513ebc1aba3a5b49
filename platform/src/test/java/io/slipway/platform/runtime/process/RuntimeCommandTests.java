package io.slipway.platform.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.runtime.InstanceSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child's command line and environment. */
class RuntimeCommandTests {

    @TempDir
    Path distribution;

    private RuntimeCommand command;

    @BeforeEach
    void createCommand() throws IOException {
        Files.createFile(distribution.resolve("model-runtime.jar"));
        Files.createDirectory(distribution.resolve("lib"));
        command = new RuntimeCommand(Path.of("/opt/jdk/bin/java"), distribution);
    }

    @Test
    void commandRunsRuntimeMainOnReleaseDirectoryOnLoopback() {
        List<String> line = command.command(spec(1.0, 512L << 20), Path.of("/data/iris/v3"), 41234);

        assertThat(line).startsWith("/opt/jdk/bin/java", "-Dslipway.instance=iris-a1", "-Dai.djl.offline=true",
                "-XX:+ExitOnOutOfMemoryError");
        assertThat(line).endsWith("-cp", distribution.resolve("model-runtime.jar") + File.pathSeparator
                        + distribution.resolve("lib") + File.separator + "*",
                "io.slipway.runtime.Main", "--model-dir", "/data/iris/v3", "--port", "41234", "--host", "127.0.0.1");
    }

    @Test
    void heapGetsThreeQuartersOfTheMemory() {
        assertThat(command.command(spec(1.0, 512L << 20), Path.of("/r"), 1)).contains("-Xmx384m");
        assertThat(RuntimeCommand.maxHeapMib(2L << 30)).isEqualTo(1536);
    }

    @Test
    void tinyMemoryStillGetsAWorkableHeap() {
        assertThat(RuntimeCommand.maxHeapMib(16L << 20)).isEqualTo(32);
    }

    @Test
    void noMemoryLimitMeansNoHeapFlag() {
        assertThat(command.command(spec(1.0, 0), Path.of("/r"), 1)).noneMatch(arg -> arg.startsWith("-Xmx"));
    }

    @Test
    void cpusRoundUpToActiveProcessorCount() {
        assertThat(command.command(spec(1.5, 0), Path.of("/r"), 1)).contains("-XX:ActiveProcessorCount=2");
        assertThat(command.command(spec(0.25, 0), Path.of("/r"), 1)).contains("-XX:ActiveProcessorCount=1");
        assertThat(command.command(spec(0, 0), Path.of("/r"), 1))
                .noneMatch(arg -> arg.startsWith("-XX:ActiveProcessorCount"));
    }

    @Test
    void environmentKeepsOnlyHarmlessPlatformVariablesAndAddsManifestOnes() {
        Map<String, String> env = RuntimeCommand.environment(
                Map.of("PATH", "/usr/bin", "SLIPWAY_DB_PASSWORD", "secret", "HOME", "/home/slipway"),
                Map.of("MODEL_MODE", "fast"));

        assertThat(env).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/slipway")
                .containsEntry("MODEL_MODE", "fast").doesNotContainKey("SLIPWAY_DB_PASSWORD");
    }

    @Test
    void manifestCannotTurnDjlTrackingOrDownloadsBackOn() {
        Map<String, String> env = RuntimeCommand.environment(Map.of(),
                Map.of("OPT_OUT_TRACKING", "false", "DJL_OFFLINE", "false"));

        assertThat(env).containsEntry("OPT_OUT_TRACKING", "true").containsEntry("DJL_OFFLINE", "true");
    }

    private static InstanceSpec spec(double cpus, long memory) {
        return new InstanceSpec("iris-a1", "iris", 3, null, Path.of("/data/iris/v3"), Map.of(), cpus, memory);
    }
}
