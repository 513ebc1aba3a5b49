package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import io.slipway.buildpacks.manifest.Manifest;
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
import java.util.Optional;
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
    private final ClassArchives archives;
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
                new PytorchNativeCache(cacheDir.resolve("pytorch"), Objects.requireNonNull(javaHome, "javaHome")),
                new OnnxRuntimeNatives(cacheDir.resolve("onnxruntime"), NativePlatform.host()));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.stages = new LayerStages(docker, timeout);
        this.archives = new ClassArchives(docker, new ClassArchiveTraining(docker, Duration.ofMinutes(2)),
                cacheDir.resolve("class-archives"), timeout);
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
        LayerPreparation.Prepared prepared;
        LayerStages.Stage stage;
        try {
            prepared = preparation.prepare(plan, log);
            layers = prepared.layers();
            stage = stages.ensure(plan.baseImage(), baseId, layers.subList(0, layers.size() - 1), log);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException
                | HostCommand.HostCommandException e) {
            throw new ImageBuildException(tag, "cannot prepare the layers of " + tag + ": " + e.getMessage(), e);
        }
        List<String> entrypoint = prepared.entrypoint(plan.entrypoint());
        boolean archivable = ClassArchives.applies(stage, entrypoint);
        Optional<ClassArchives.Archived> archived = archivable ? archives.find(stage) : Optional.empty();
        BuildRun.Result result = release(plan, prepared, entrypoint, archived, stage, tag, log);
        if (archivable && archived.isEmpty()) {
            archived = archives.make(stage, result.imageId(), entrypoint, plan.port(), modelName(plan), log);
            if (archived.isPresent()) {
                String first = result.imageId();
                result = release(plan, prepared, entrypoint, archived, stage, tag, log);
                removeQuietly(first);
            }
        }
        Layer top = layers.get(layers.size() - 1);
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
                + (built.isEmpty() ? "none" : String.join(", ", built))
                + (archived.isPresent() ? "; class data sharing archive from " + archived.get().name() : ""));
        return new BuiltImage(image.getId(), tag, image.getSize(), Duration.ofNanos(System.nanoTime() - start),
                cached, built);
    }

    /** The release on top of the stage, or of the stage's class archive image when there is one. */
    private BuildRun.Result release(BuildPlan plan, LayerPreparation.Prepared prepared, List<String> entrypoint,
            Optional<ClassArchives.Archived> archived, LayerStages.Stage stage, String tag, Consumer<String> log) {
        List<Layer> layers = prepared.layers();
        int topIndex = layers.size() - 1;
        Layer top = layers.get(topIndex);
        String dockerfile;
        try {
            dockerfile = Dockerfile.release(archived.map(ClassArchives.Archived::from).orElse(stage.from()), plan,
                    archived.isPresent() ? ClassArchives.using(entrypoint) : entrypoint, topIndex,
                    top.name(), prepared.env(), labels(plan));
        } catch (IllegalArgumentException e) {
            throw new ImageBuildException(tag, "cannot prepare the layers of " + tag + ": " + e.getMessage(), e);
        }
        log.accept("Building " + tag + " from " + archived.map(ClassArchives.Archived::name).orElse(stage.name())
                + " with layer " + top.name() + " (" + top.files().size() + " files) on top");
        return BuildRun.run(docker, dockerfile, List.of(top), topIndex, tag, timeout, log);
    }

    /** The name of the plan's model, read from the bundle's manifest; null when it cannot be read. */
    private static String modelName(BuildPlan plan) {
        List<Layer.LayerFile> bundle = plan.layers().get(plan.layers().size() - 1).files();
        try {
            return bundle.isEmpty() ? null : Manifest.read(bundle.get(0).source()).model().name();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Removes an image the release no longer uses (its first build, before the class archive). */
    private void removeQuietly(String imageId) {
        try {
            docker.removeImageCmd(imageId).exec();
        } catch (DockerException e) {
            // still used or gone already: nothing to clean up
        }
    }

    private static Map<String, String> labels(BuildPlan plan) {
        Map<String, String> labels = new LinkedHashMap<>(plan.labels());
        labels.putIfAbsent("io.slipway.engine", plan.engine());
        labels.putIfAbsent("io.slipway.buildpack", plan.buildpack());
        return labels;
    }
}
