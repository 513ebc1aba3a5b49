package io.slipway.buildpacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model runtime on the host, as {@code mvn package} leaves it in {@code model-runtime/target/}:
 * {@code model-runtime.jar} and {@code lib/*.jar}. The jars of each engine go into a layer of their
 * own, so images of different engines share the rest.
 *
 * <p>Engine jars are told by file name: {@value #ONNXRUNTIME} is {@code onnxruntime-engine-*.jar} and
 * {@code onnxruntime-<digit>*.jar}; {@value #PYTORCH} is {@code pytorch-engine-*}, {@code pytorch-jni-*}
 * and {@code pytorch-native-*}. Every other jar is common.
 *
 * @param runtimeJar the runtime's jar
 * @param commonLibs the jars every image needs, sorted by file name
 * @param engines each engine's jars, sorted by file name
 * @param djlCacheDir a DJL cache folder with the PyTorch natives already extracted, or null
 */
public record RuntimeDistribution(Path runtimeJar, List<Path> commonLibs, Map<String, List<Path>> engines,
        Path djlCacheDir) {

    /** The engine of ONNX models. */
    public static final String ONNXRUNTIME = "onnxruntime";

    /** The engine of TorchScript models. */
    public static final String PYTORCH = "pytorch";

    /** The engine of models that need none (echo). */
    public static final String NO_ENGINE = "none";

    /** The runtime's jar file name. */
    public static final String RUNTIME_JAR = "model-runtime.jar";

    private static final Map<String, Pattern> ENGINE_JARS = Map.of(
            ONNXRUNTIME, Pattern.compile("onnxruntime-(engine-.*|[0-9].*)\\.jar"),
            PYTORCH, Pattern.compile("pytorch-(engine|jni|native)-.*\\.jar"));

    /** Checks the components and copies the lists. */
    public RuntimeDistribution {
        Objects.requireNonNull(runtimeJar, "runtimeJar");
        commonLibs = List.copyOf(commonLibs);
        Map<String, List<Path>> copy = new TreeMap<>();
        engines.forEach((engine, jars) -> copy.put(engine, List.copyOf(jars)));
        engines = Map.copyOf(copy);
    }

    /**
     * Reads a runtime distribution folder.
     * @param dir a folder holding {@value #RUNTIME_JAR} and {@code lib/*.jar}
     * @return the distribution, with absolute paths and no DJL cache
     * @throws BuildpackException when the folder is not a runtime distribution
     */
    public static RuntimeDistribution scan(Path dir) {
        Path home = dir.toAbsolutePath().normalize();
        Path jar = home.resolve(RUNTIME_JAR);
        Path lib = home.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new BuildpackException("not a model runtime distribution: " + home + " must hold " + RUNTIME_JAR
                    + " and lib/*.jar (run mvn package in model-runtime/, then use model-runtime/target)");
        }
        List<Path> common = new ArrayList<>();
        Map<String, List<Path>> engines = new TreeMap<>();
        for (Path libJar : jars(lib)) {
            String engine = engineOf(libJar.getFileName().toString());
            if (engine == null) {
                common.add(libJar);
            }
            else {
                engines.computeIfAbsent(engine, key -> new ArrayList<>()).add(libJar);
            }
        }
        return new RuntimeDistribution(jar, common, engines, null);
    }

    /**
     * Returns the jars of an engine.
     * @param engine an engine, e.g. {@value #ONNXRUNTIME}
     * @return its jars, sorted by file name; empty for {@value #NO_ENGINE} or an engine the runtime lacks
     */
    public List<Path> engineLibs(String engine) {
        return engines.getOrDefault(engine, List.of());
    }

    /**
     * Returns this distribution with a DJL cache of extracted PyTorch natives, which TorchScript
     * images then carry at {@value ImageLayout#DJL_CACHE_DIR}.
     * @param dir the cache folder, or null for none
     * @return the new distribution
     */
    public RuntimeDistribution withDjlCacheDir(Path dir) {
        return new RuntimeDistribution(runtimeJar, commonLibs, engines, dir == null ? null : dir.toAbsolutePath());
    }

    /** The engine a lib jar belongs to, or null for a common jar. */
    static String engineOf(String fileName) {
        return ENGINE_JARS.entrySet().stream().filter(entry -> entry.getValue().matcher(fileName).matches())
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static List<Path> jars(Path lib) {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
