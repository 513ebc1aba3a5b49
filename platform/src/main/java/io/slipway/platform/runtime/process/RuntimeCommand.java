package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.InstanceSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The command line and environment of the child JVM that runs one instance. */
final class RuntimeCommand {

    static final String MAIN_CLASS = "io.slipway.runtime.Main";

    /**
     * What the child inherits from the platform's environment. Nothing else: like a container, an
     * instance must not see the platform's secrets.
     */
    static final Set<String> INHERITED_ENV = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR",
            "DJL_CACHE_DIR", "ENGINE_CACHE_DIR");

    /** Set last, so a manifest cannot let DJL call home or download engines. */
    static final Map<String, String> OFFLINE_ENV = Map.of("OPT_OUT_TRACKING", "true", "DJL_OFFLINE", "true");

    private static final long MIB = 1024 * 1024;

    private final Path java;
    private final String classPath;

    /**
     * @param java the {@code java} launcher
     * @param distribution a directory with {@code model-runtime.jar} and {@code lib/}
     */
    RuntimeCommand(Path java, Path distribution) {
        Path jar = distribution.resolve("model-runtime.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(distribution.resolve("lib"))) {
            throw new IllegalArgumentException("runtimeDistribution " + distribution
                    + " must hold model-runtime.jar and lib/ (build them with: mvn install -DskipTests)");
        }
        this.java = java;
        this.classPath = jar.toAbsolutePath() + File.pathSeparator
                + distribution.resolve("lib").toAbsolutePath() + File.separator + "*";
    }

    List<String> command(InstanceSpec spec, Path releaseDir, int port) {
        List<String> command = new ArrayList<>(List.of(java.toString(), InstanceProcess.marker(spec.instanceId()),
                "-Dai.djl.offline=true", "-XX:+ExitOnOutOfMemoryError"));
        if (spec.memoryBytes() > 0) {
            command.add("-Xmx" + maxHeapMib(spec.memoryBytes()) + "m");
        }
        if (spec.cpus() > 0) {
            // Not a limit: the child may still use every core. It sizes the JVM's and the
            // runtime's thread pools as if it had this many.
            command.add("-XX:ActiveProcessorCount=" + (int) Math.ceil(spec.cpus()));
        }
        command.addAll(List.of("-cp", classPath, MAIN_CLASS, "--model-dir", releaseDir.toString(),
                "--port", Integer.toString(port), "--host", "127.0.0.1"));
        return command;
    }

    /**
     * The heap gets three quarters of the memory; the rest is for metaspace, threads and the
     * engine's native memory, which no flag bounds for a plain process.
     */
    static long maxHeapMib(long memoryBytes) {
        return Math.max(32, memoryBytes / 4 * 3 / MIB);
    }

    static Map<String, String> environment(Map<String, String> platformEnv, Map<String, String> specEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        platformEnv.forEach((name, value) -> {
            if (INHERITED_ENV.contains(name)) {
                env.put(name, value);
            }
        });
        env.putAll(specEnv);
        env.putAll(OFFLINE_ENV);
        return env;
    }
}
