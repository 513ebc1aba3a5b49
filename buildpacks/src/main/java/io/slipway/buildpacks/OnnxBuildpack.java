package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ModelFormat;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;

/**
 * Builds ONNX models ({@code model.format: onnx}), served by ONNX Runtime.
 */
public final class OnnxBuildpack implements Buildpack {

    @Override
    public String id() {
        return "onnx";
    }

    @Override
    public boolean detect(Manifest manifest, Path bundleRoot) {
        return manifest.model().format() == ModelFormat.ONNX;
    }

    @Override
    public BuildPlan plan(BuildInput input) {
        return Plans.plan(this, input, RuntimeDistribution.ONNXRUNTIME, false);
    }

}
