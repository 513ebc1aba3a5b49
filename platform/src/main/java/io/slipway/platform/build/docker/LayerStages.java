package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The layers below the model (runtime, engine) as an image of their own, {@code FROM} the base
 * with one {@code COPY} per layer, tagged by what goes into it. A release whose lower layers are
 * unchanged starts {@code FROM} that image, so its build sends the model alone: PyTorch's 360 MB
 * of native libraries are neither sent nor hashed again. When the tag is missing, Docker's build
 * cache still reuses each unchanged layer.
 */
final class LayerStages {

    /**
     * The image to build the release from, and which of the lower layers came from a cache.
     *
     * @param from what the release's Dockerfile names in {@code FROM}: an image id, so that
     *     pruning a tag cannot pull it away from under a build
     * @param name the stage's tag, or the base image when there are no lower layers
     */
    record Stage(String from, String name, List<String> cachedLayers, List<String> builtLayers) {
    }

    private final DockerClient docker;
    private final Duration timeout;

    LayerStages(DockerClient docker, Duration timeout) {
        this.docker = docker;
        this.timeout = timeout;
    }

    synchronized Stage ensure(String baseImage, String baseId, List<Layer> layers, Consumer<String> log) {
        if (layers.isEmpty()) {
            return new Stage(baseId, baseImage, List.of(), List.of());
        }
        List<String> names = layers.stream().map(Layer::name).toList();
        String repository = ImageName.parse(baseImage).repository() + "-layers";
        String prefix = names.get(names.size() - 1).replaceAll("[^A-Za-z0-9_.-]", "_");
        String tag = repository + ":" + prefix + "-" + key(baseId, layers);
        String id = id(tag);
        if (id != null) {
            log.accept("Layers " + String.join(", ", names) + ": unchanged, reusing " + tag);
            return new Stage(id, tag, names, List.of());
        }
        log.accept("Layers " + String.join(", ", names) + ": building " + tag);
        BuildRun.Result result = BuildRun.run(docker, Dockerfile.stage(baseImage, names), layers, 0, tag, timeout, log);
        List<String> cached = new ArrayList<>();
        List<String> built = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            (result.cached(Dockerfile.copyInstruction(i, names.get(i))) ? cached : built).add(names.get(i));
        }
        untagOlder(repository, prefix, tag, log);
        return new Stage(id(tag), tag, cached, built);
    }

    private String id(String tag) {
        try {
            return docker.inspectImageCmd(tag).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * Untags the stages this one replaces (same layers, older content): their layers stay as long
     * as release images use them, and go with the last of those.
     */
    private void untagOlder(String repository, String prefix, String current, Consumer<String> log) {
        List<String> older = new ArrayList<>();
        try {
            for (Image image : docker.listImagesCmd().withImageNameFilter(repository).exec()) {
                for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                    if (tag.startsWith(repository + ":" + prefix + "-") && !tag.equals(current)) {
                        docker.removeImageCmd(tag).exec();
                        older.add(tag);
                    }
                }
            }
        } catch (DockerException e) {
            log.accept("Could not untag older layer stages: " + e.getMessage());
        }
        if (!older.isEmpty()) {
            log.accept("Untagged older layer stages " + older);
        }
    }

    /**
     * The base image's id and, per layer, each file's target, size, time and mode: a file of a
     * runtime distribution or a cache never changes in place with all of those unchanged, and
     * reading their content (hundreds of MB) on every build is what this class avoids.
     */
    static String key(String baseId, List<Layer> layers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, baseId);
            for (Layer layer : layers) {
                update(digest, "layer " + layer.name());
                for (LayerFile file : layer.files()) {
                    Path source = file.source();
                    update(digest, file.target() + " " + Files.size(source) + " "
                            + Files.getLastModifiedTime(source).toMillis() + " "
                            + Files.getPosixFilePermissions(source).contains(PosixFilePermission.OWNER_EXECUTE));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a layer file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }
}
