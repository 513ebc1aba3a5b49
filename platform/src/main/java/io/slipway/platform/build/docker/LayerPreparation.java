package io.slipway.platform.build.docker;

import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns a plan's layers into the files that go into the image: folders listed file by file,
 * jars without other platforms' native libraries, and for PyTorch the native libraries already
 * extracted (in place of the jar that carries them).
 */
final class LayerPreparation {

    /** Where the extracted DJL cache goes in the image (the layout contract). */
    static final String DJL_CACHE = "/opt/slipway/djl-cache";

    /**
     * The layers to write, the environment the image needs on top of the plan's, and the options
     * its JVM needs before the plan's entrypoint's own.
     */
    record Prepared(List<Layer> layers, Map<String, String> env, List<String> jvmOptions) {

        /** {@code entrypoint} with {@link #jvmOptions} after its launcher, when it starts with Java. */
        List<String> entrypoint(List<String> entrypoint) {
            return JavaCommand.withOptions(entrypoint, jvmOptions);
        }
    }

    private final NativeJarSlimmer slimmer;
    private final PytorchNativeCache pytorch;
    private final OnnxRuntimeNatives onnxRuntime;

    LayerPreparation(NativeJarSlimmer slimmer, PytorchNativeCache pytorch, OnnxRuntimeNatives onnxRuntime) {
        this.slimmer = slimmer;
        this.pytorch = pytorch;
        this.onnxRuntime = onnxRuntime;
    }

    Prepared prepare(BuildPlan plan, Consumer<String> log) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : plan.layers()) {
            layers.add(new Layer(layer.name(), expand(layer.files())));
        }
        // the top layer is the user's bundle: it goes in as it is
        Layer top = layers.remove(layers.size() - 1);
        Map<String, String> env = new LinkedHashMap<>(plan.env());
        layers = slim(pytorchNatives(layers, env, log), log);
        List<String> jvmOptions = new ArrayList<>();
        layers = onnxRuntimeNatives(layers, jvmOptions, log);
        layers.add(top);
        return new Prepared(List.copyOf(layers), env, List.copyOf(jvmOptions));
    }

    /** ONNX Runtime's native libraries unpacked beside its (slimmed) jar, and the option that makes it load them. */
    private List<Layer> onnxRuntimeNatives(List<Layer> layers, List<String> jvmOptions, Consumer<String> log) {
        List<Layer> result = new ArrayList<>();
        for (Layer layer : layers) {
            List<LayerFile> files = new ArrayList<>(layer.files());
            for (LayerFile file : layer.files()) {
                if (OnnxRuntimeNatives.isNativeJar(file.source().getFileName().toString())) {
                    List<LayerFile> natives = expand(List.of(new LayerFile(onnxRuntime.extract(file.source()),
                            OnnxRuntimeNatives.DIR)));
                    if (!natives.isEmpty()) {
                        files.addAll(natives);
                        jvmOptions.add(OnnxRuntimeNatives.OPTION);
                        log.accept("ONNX Runtime's native libraries go into the image unpacked, at "
                                + OnnxRuntimeNatives.DIR);
                    }
                }
            }
            result.add(new Layer(layer.name(), files));
        }
        return result;
    }

    /** PyTorch's native libraries extracted (once) into the image, in place of the jar that carries them. */
    private List<Layer> pytorchNatives(List<Layer> layers, Map<String, String> env, Consumer<String> log) {
        List<Path> jars = layers.stream().flatMap(layer -> layer.files().stream()).map(LayerFile::source)
                .filter(path -> path.getFileName().toString().endsWith(".jar")).toList();
        if (jars.stream().noneMatch(jar -> PytorchNativeCache.isNativeJar(jar.getFileName().toString()))) {
            return layers;
        }
        boolean planned = layers.stream().flatMap(layer -> layer.files().stream())
                .anyMatch(file -> file.target().startsWith(DJL_CACHE + "/"));
        List<Layer> result = withCacheInsteadOfNativeJar(layers, planned ? null : pytorch.ensure(jars, log));
        String libtorch = result.stream().flatMap(layer -> layer.files().stream()).map(LayerFile::target)
                .filter(target -> target.startsWith(DJL_CACHE + "/") && target.endsWith("/libtorch.so"))
                .findFirst().orElseThrow(() -> new IllegalStateException("the DJL cache in the image has no "
                        + "libtorch.so, and the jar that carries it was left out"));
        env.putIfAbsent("DJL_CACHE_DIR", DJL_CACHE);
        PytorchNativeCache.env(libtorch).forEach(env::putIfAbsent);
        return result;
    }

    /** Jars without the native libraries of other platforms. */
    private List<Layer> slim(List<Layer> layers, Consumer<String> log) {
        List<Layer> slimmed = new ArrayList<>();
        for (Layer layer : layers) {
            List<LayerFile> files = new ArrayList<>();
            for (LayerFile file : layer.files()) {
                Path source = file.source().getFileName().toString().endsWith(".jar")
                        ? slimmer.slim(file.source()) : file.source();
                if (!source.equals(file.source())) {
                    log.accept("Slimmed " + file.source().getFileName() + " to this platform's native libraries: "
                            + Formats.megabytes(size(file.source())) + " -> " + Formats.megabytes(size(source)));
                }
                files.add(new LayerFile(source, file.target()));
            }
            slimmed.add(new Layer(layer.name(), files));
        }
        return slimmed;
    }

    /** Drops the native jar; adds the extracted libraries (when given) to the layer that had it. */
    private static List<Layer> withCacheInsteadOfNativeJar(List<Layer> layers, Path cache) {
        List<Layer> result = new ArrayList<>();
        for (Layer layer : layers) {
            List<LayerFile> files = new ArrayList<>();
            boolean hadNativeJar = false;
            for (LayerFile file : layer.files()) {
                if (PytorchNativeCache.isNativeJar(file.source().getFileName().toString())) {
                    hadNativeJar = true;
                } else {
                    files.add(file);
                }
            }
            if (hadNativeJar && cache != null) {
                files.addAll(expand(List.of(new LayerFile(cache, DJL_CACHE))));
            }
            if (!files.isEmpty()) {
                result.add(new Layer(layer.name(), files));
            }
        }
        return result;
    }

    /**
     * Lists folders file by file. A file whose target ends in {@code /} goes into that folder
     * under its own name; a folder's content goes under its target, like Docker's COPY.
     */
    static List<LayerFile> expand(List<LayerFile> files) {
        List<LayerFile> expanded = new ArrayList<>();
        for (LayerFile file : files) {
            Path source = file.source();
            String target = file.target();
            if (Files.isDirectory(source)) {
                String base = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
                try (Stream<Path> walk = Files.walk(source)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(path -> expanded.add(new LayerFile(path,
                            base + "/" + source.relativize(path).toString().replace('\\', '/'))));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(source)) {
                expanded.add(new LayerFile(source, target.endsWith("/") ? target + source.getFileName() : target));
            } else {
                throw new UncheckedIOException(new IOException("layer file " + source + " does not exist"));
            }
        }
        return expanded;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
