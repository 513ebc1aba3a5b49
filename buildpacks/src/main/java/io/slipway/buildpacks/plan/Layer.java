package io.slipway.buildpacks.plan;

import java.util.List;
import java.util.Objects;

/**
 * One image layer: files copied from the host into the image. Layers that do not change between
 * releases (the runtime, an engine) come out of the builder's cache.
 *
 * @param name what the layer holds, e.g. {@code runtime}, {@code engine-onnxruntime}, {@code model}
 * @param files the files of the layer
 */
public record Layer(String name, List<LayerFile> files) {

    public Layer {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " has no files");
        }
    }

    /**
     * A file or folder on the host and where it goes in the image.
     *
     * @param source an existing file or folder on the host
     * @param target an absolute path in the image
     */
    public record LayerFile(java.nio.file.Path source, String target) {

        public LayerFile {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            if (!target.startsWith("/")) {
                throw new IllegalArgumentException("target must be an absolute path in the image, got " + target);
            }
        }
    }
}
