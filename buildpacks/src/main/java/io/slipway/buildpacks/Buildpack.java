package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;

/**
 * Turns one kind of bundle into an image plan. The platform asks each buildpack in turn whether a
 * bundle is its own ({@link #detect}) and lets the first that says yes {@link #plan} the image
 * (see {@link Buildpacks}). Implementations are stateless; every one passes the buildpack contract tests.
 */
public interface Buildpack {

    /**
     * Returns the buildpack's id, written into the image's {@code io.slipway.buildpack} label.
     * @return the id, e.g. {@code onnx}
     */
    String id();

    /**
     * Tells whether this buildpack builds the bundle.
     * @param manifest the bundle's checked manifest
     * @param bundleRoot the root folder of the extracted bundle
     * @return true when the bundle is this buildpack's
     */
    boolean detect(Manifest manifest, Path bundleRoot);

    /**
     * Plans the image of a bundle this buildpack {@link #detect detects}.
     * @param input the bundle, its manifest and what to build from
     * @return the plan; equal inputs give equal plans
     * @throws BuildpackException when the bundle is not this buildpack's, or the runtime lacks the engine
     */
    BuildPlan plan(BuildInput input);

}
