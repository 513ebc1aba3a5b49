package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ModelFormat;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;

/**
 * Builds TorchScript models ({@code model.format: torchscript}), served by PyTorch. When the runtime
 * distribution has a DJL cache with the natives already extracted, the engine layer carries it and
 * {@code DJL_CACHE_DIR} points at it, so no container unpacks the natives at start.
 */
public final class TorchScriptBuildpack implements Buildpack {

    @Override
    public String id() {
        return "torchscript";
    }

    @Override
    public boolean detect(Manifest manifest, Path bundleRoot) {
        return manifest.model().format() == ModelFormat.TORCHSCRIPT;
    }

    @Override
    public BuildPlan plan(BuildInput input) {
        return Plans.plan(this, input, RuntimeDistribution.PYTORCH, true);
    }

}
