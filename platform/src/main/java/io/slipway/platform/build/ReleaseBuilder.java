package io.slipway.platform.build;

import io.slipway.buildpacks.manifest.Manifest;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Turns a stored bundle into what a backend runs: an image, or a directory for child processes. */
public interface ReleaseBuilder {

    /**
     * What a release runs.
     *
     * @param image the image (image backends), else null
     * @param directory the bundle directory (process backend), else null
     * @param engine the inference engine it carries
     */
    record Artifact(String image, Path directory, String engine) {
    }

    /** Builds the artifact of release {@code release} of {@code app}, logging each step. */
    Artifact build(String app, int release, Path bundleDir, Manifest manifest, String bundleDigest,
            Consumer<String> log) throws Exception;

    /** Whether an artifact built earlier can still run (its image was not removed, say). */
    boolean exists(Artifact artifact);

    /** Removes an artifact (when its app is deleted). */
    void remove(Artifact artifact);
}
