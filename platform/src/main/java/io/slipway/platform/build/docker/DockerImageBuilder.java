package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a release's image from its build plan with docker-java: the base image (ensured first),
 * one {@code COPY} per plan layer in order, so unchanged layers (runtime, engine) are reused and a
 * model-only change rebuilds only the top layer, then the settings. The build log gets each
 * step, which layers were reused, the image size and the time taken.
 */
public class DockerImageBuilder {

    private final DockerClient docker;
    private final BaseImageBootstrap baseImages;
    private final LayerPreparation preparation;
    private final LayerStages stages;
    private final Duration timeout;

    /**
     * @param docker the engine
     * @param baseImages ensures the plan's base image before each build
     * @param cacheDir where slimmed jars and extracted native libraries are kept between builds
     * @param javaHome the JDK that extracts PyTorch's native libraries
     * @param timeout how long one build may take
     */
    public DockerImageBuilder(DockerClient docker, BaseImageBootstrap baseImages, Path cacheDir, Path javaHome,
            Duration timeout) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.baseImages = Objects.requireNonNull(baseImages, "baseImages");
        this.preparation = new LayerPreparation(new NativeJarSlimmer(cacheDir.resolve("jars"), NativePlatform.host()),
                new PytorchNativeCache(cacheDir.resolve("pytorch"), Objects.requireNonNull(javaHome, "javaHome")));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.stages = new LayerStages(docker, timeout);
    }

    /** With the JDK this platform runs on and a 30 minute build timeout. */
    public DockerImageBuilder(DockerClient docker, BaseImageBootstrap baseImages, Path cacheDir) {
        this(docker, baseImages, cacheDir, Path.of(System.getProperty("java.home")), Duration.ofMinutes(30));
    }

    /**
     * Builds {@code plan} as {@code tag}.
     *
     * @throws ImageBuildException when the base image, a layer or the build fails
     */
    public BuiltImage build(BuildPlan plan, String tag, Consumer<String> log) {
        long start = System.nanoTime();
        ImageName.parse(tag);
        String baseId = baseImages.ensure(plan.baseImage(), log);
        List<Layer> layers;
        String dockerfile;
        LayerStages.Stage stage;
        try {
            LayerPreparation.Prepared prepared = preparation.prepare(plan, log);
            layers = prepared.layers();
            int top = layers.size() - 1;
            stage = stages.ensure(plan.baseImage(), baseId, layers.subList(0, top), log);
            dockerfile = Dockerfile.release(stage.from(), plan, top, layers.get(top).name(), prepared.env(),
                    labels(plan));
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException
                | HostCommand.HostCommandException e) {
            throw new ImageBuildException(tag, "cannot prepare the layers of " + tag + ": " + e.getMessage(), e);
        }
        Layer top = layers.get(layers.size() - 1);
        log.accept("Building " + tag + " from " + stage.name() + " with layer " + top.name() + " ("
                + top.files().size() + " files) on top");
        BuildRun.Result result = BuildRun.run(docker, dockerfile, List.of(top), layers.size() - 1, tag, timeout,
                log);
        List<String> cached = new ArrayList<>(stage.cachedLayers());
        List<String> built = new ArrayList<>(stage.builtLayers());
        (result.cached(Dockerfile.copyInstruction(layers.size() - 1, top.name())) ? cached : built).add(top.name());
        InspectImageResponse image;
        try {
            image = docker.inspectImageCmd(result.imageId()).exec();
        } catch (DockerException e) {
            throw new ImageBuildException(tag, "built " + tag + " but cannot inspect it: " + e.getMessage(), e);
        }
        log.accept("Built " + tag + " (" + Formats.shortId(image.getId()) + ") in " + Formats.seconds(start) + ": "
                + Formats.megabytes(image.getSize()) + "; layers reused: "
                + (cached.isEmpty() ? "none" : String.join(", ", cached)) + "; built: "
                + (built.isEmpty() ? "none" : String.join(", ", built)));
        return new BuiltImage(image.getId(), tag, image.getSize(), Duration.ofNanos(System.nanoTime() - start),
                cached, built);
    }

    private static Map<String, String> labels(BuildPlan plan) {
        Map<String, String> labels = new LinkedHashMap<>(plan.labels());
        labels.putIfAbsent("io.slipway.engine", plan.engine());
        labels.putIfAbsent("io.slipway.buildpack", plan.buildpack());
        return labels;
    }
}
