package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Buildpack} plans an image from.
 *
 * @param bundleRoot the root folder of the extracted bundle; made absolute and normalized
 * @param manifest the bundle's checked manifest
 * @param runtime the model runtime on the host
 * @param baseImage the image to build from; it provides {@value ImageLayout#JAVA} and the user
 * {@value ImageLayout#USER_NAME} ({@value ImageLayout#USER})
 * @param labels labels for the image (app, release, bundle digest, ...); the buildpack adds its own
 */
public record BuildInput(Path bundleRoot, Manifest manifest, RuntimeDistribution runtime, String baseImage,
        Map<String, String> labels) {

    /** Checks the components and copies the labels. */
    public BuildInput {
        bundleRoot = Objects.requireNonNull(bundleRoot, "bundleRoot").toAbsolutePath().normalize();
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(baseImage, "baseImage");
        if (baseImage.isBlank()) {
            throw new IllegalArgumentException("baseImage must not be blank");
        }
        labels = Map.copyOf(labels);
    }

}
