package io.slipway.platform.build;

import io.slipway.buildpacks.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The process backend's builder: a release runs straight from its content-addressed bundle
 * directory, which never changes, so there is nothing to build.
 */
public final class DirectoryReleaseBuilder implements ReleaseBuilder {

    @Override
    public Artifact build(String app, int release, Path bundleDir, Manifest manifest, String bundleDigest,
            Consumer<String> log) {
        String engine = switch (manifest.model().format()) {
            case ONNX -> "onnxruntime";
            case TORCHSCRIPT -> "pytorch";
            case ECHO -> "none";
        };
        log.accept("process backend: release v" + release + " runs the " + manifest.model().format().name().toLowerCase(Locale.ROOT)
                + " model from " + bundleDir + " in a child JVM (no image to build)");
        return new Artifact(null, bundleDir, engine);
    }

    @Override
    public boolean exists(Artifact artifact) {
        return artifact.directory() != null && Files.isRegularFile(artifact.directory().resolve("slipway.yaml"));
    }

    @Override
    public void remove(Artifact artifact) {
        // The bundle store owns the directory; it removes bundles no release refers to.
    }
}
