package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Application class data sharing for the runtime: per layer stage (base, runtime, engine), once,
 * an archive of the classes the runtime loads up to its first answered inference, recorded by a
 * training run of the first release built on the stage ({@link ClassArchiveTraining}) and kept in
 * an image of its own, the stage plus the archive. Releases start {@code FROM} that image, with
 * {@code -XX:SharedArchiveFile} in their entrypoint: a container then starts serving about a
 * second sooner on one CPU. The archive names the exact jars of the stage, which is why it belongs
 * to it; should it not match, the JVM ignores it and loads its classes the usual way.
 */
final class ClassArchives {

    /** Where the archive is in the image. */
    static final String ARCHIVE = "/opt/slipway/runtime/classes.jsa";

    private static final String LAYER = "class-archive";

    /** A stage with the archive on top: {@code from} is its image id, {@code name} its tag. */
    record Archived(String from, String name) {
    }

    private final DockerClient docker;
    private final ClassArchiveTraining training;
    private final Path workDir;
    private final Duration timeout;

    ClassArchives(DockerClient docker, ClassArchiveTraining training, Path workDir, Duration timeout) {
        this.docker = docker;
        this.training = training;
        this.workDir = workDir;
        this.timeout = timeout;
    }

    /** Whether releases of {@code stage} with {@code entrypoint} can have an archive: a runtime run by Java. */
    static boolean applies(LayerStages.Stage stage, List<String> entrypoint) {
        boolean hasRuntime = !stage.cachedLayers().isEmpty() || !stage.builtLayers().isEmpty();
        return hasRuntime && JavaCommand.isJava(entrypoint);
    }

    /** The stage's archive image, when one was made before. */
    Optional<Archived> find(LayerStages.Stage stage) {
        String tag = tag(stage);
        try {
            return Optional.of(new Archived(docker.inspectImageCmd(tag).exec().getId(), tag));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Records the archive with a run of {@code releaseImage} (built on {@code stage}) and puts it
     * on the stage; empty when that fails, which the build log says and the release survives.
     */
    synchronized Optional<Archived> make(LayerStages.Stage stage, String releaseImage, List<String> entrypoint,
            int port, String model, Consumer<String> log) {
        Optional<Archived> before = find(stage);
        if (before.isPresent()) {
            return before;
        }
        Path dir = null;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, "class-archive");
            Optional<Path> archive = training.train(releaseImage, entrypoint, port, model, dir.resolve("classes.jsa"),
                    log);
            if (archive.isEmpty()) {
                return Optional.empty();
            }
            String tag = tag(stage);
            BuildRun.run(docker, Dockerfile.stage(stage.from(), List.of(LAYER)),
                    List.of(new Layer(LAYER, List.of(new LayerFile(archive.get(), ARCHIVE)))), 0, tag, timeout, log);
            untagOlder(tag, log);
            return find(stage);
        } catch (IOException | ImageBuildException e) {
            log.accept("Class data sharing: cannot put the archive on " + stage.name() + ": " + e.getMessage());
            return Optional.empty();
        } finally {
            FileTrees.delete(dir);
        }
    }

    /** {@code entrypoint} with the JVM told to map the archive. */
    static List<String> using(List<String> entrypoint) {
        return JavaCommand.withOptions(entrypoint, List.of("-XX:SharedArchiveFile=" + ARCHIVE));
    }

    /** {@code entrypoint} with the JVM told to write the classes it loaded to {@code file} when it exits. */
    static List<String> recording(List<String> entrypoint, String file) {
        return JavaCommand.withOptions(entrypoint, List.of("-XX:ArchiveClassesAtExit=" + file));
    }

    /** {@code <stage repository>-cds:<stage tag>}: one archive image per stage. */
    private static String tag(LayerStages.Stage stage) {
        ImageName name = ImageName.parse(stage.name());
        return name.repository() + "-cds:" + name.tag();
    }

    /** Untags the archive images of the stages this stage replaced (same layers, older content). */
    private void untagOlder(String current, Consumer<String> log) {
        ImageName name = ImageName.parse(current);
        String prefix = name.tag().substring(0, name.tag().lastIndexOf('-') + 1);
        try {
            for (Image image : docker.listImagesCmd().withImageNameFilter(name.repository()).exec()) {
                for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                    if (tag.startsWith(name.repository() + ":" + prefix) && !tag.equals(current)) {
                        docker.removeImageCmd(tag).exec();
                        log.accept("Untagged older class archive image " + tag);
                    }
                }
            }
        } catch (DockerException e) {
            log.accept("Could not untag older class archive images: " + e.getMessage());
        }
    }
}
