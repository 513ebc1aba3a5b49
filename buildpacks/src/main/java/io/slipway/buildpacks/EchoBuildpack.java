package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ModelFormat;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;

/**
 * Builds the weightless echo model ({@code model.format: echo}): no engine layer, only the runtime and the bundle.
 */
public final class EchoBuildpack implements Buildpack {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public boolean detect(Manifest manifest, Path bundleRoot) {
        return manifest.model().format() == ModelFormat.ECHO;
    }

    @Override
    public BuildPlan plan(BuildInput input) {
        return Plans.plan(this, input, RuntimeDistribution.NO_ENGINE, false);
    }

}
