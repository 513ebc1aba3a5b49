package io.slipway.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.TestBundles.Sample;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The buildpack contract for {@link OnnxBuildpack}. */
class OnnxBuildpackTests extends AbstractBuildpackContractTests {

    @Override
    Buildpack buildpack() {
        return new OnnxBuildpack();
    }

    @Override
    Sample sample() {
        return Sample.ONNX;
    }

    @Override
    String engine() {
        return RuntimeDistribution.ONNXRUNTIME;
    }

    @Test
    void planLeavesPyTorchsDjlCacheOut() throws Exception {
        runtime = runtime.withDjlCacheDir(Files.createDirectories(temp.resolve("djl-cache")));

        assertThat(plan().layers()).flatExtracting(Layer::files).extracting(LayerFile::target)
                .doesNotContain("/opt/slipway/djl-cache");
        assertThat(plan().env()).doesNotContainKey("DJL_CACHE_DIR");
    }

    @Test
    void planShipsOnnxRuntimeJarsOnly() {
        assertThat(plan().layers().get(1).files()).extracting(LayerFile::target).containsExactly(
                "/opt/slipway/runtime/lib/onnxruntime-1.21.1.jar", "/opt/slipway/runtime/lib/onnxruntime-engine-0.36.0.jar");
    }

}
