package io.slipway.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.TestBundles.Sample;
import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The buildpack contract for {@link TorchScriptBuildpack}. */
class TorchScriptBuildpackTests extends AbstractBuildpackContractTests {

    @Override
    Buildpack buildpack() {
        return new TorchScriptBuildpack();
    }

    @Override
    Sample sample() {
        return Sample.TORCHSCRIPT;
    }

    @Override
    String engine() {
        return RuntimeDistribution.PYTORCH;
    }

    @Test
    void planCarriesDjlCacheInEngineLayerWhenRuntimeHasOne() throws Exception {
        Path cache = Files.createDirectories(temp.resolve("djl-cache/pytorch/2.7.1-cpu-linux-x86_64"));
        runtime = runtime.withDjlCacheDir(temp.resolve("djl-cache"));

        BuildPlan plan = plan();

        assertThat(plan.layers().get(1).files()).endsWith(new LayerFile(cache.getParent().getParent(),
                "/opt/slipway/djl-cache"));
        assertThat(plan.env()).containsEntry("DJL_CACHE_DIR", "/opt/slipway/djl-cache");
    }

    @Test
    void planWithoutDjlCacheLeavesItOut() {
        BuildPlan plan = plan();

        assertThat(plan.layers().get(1).files()).extracting(LayerFile::target)
                .allSatisfy(target -> assertThat(target).startsWith("/opt/slipway/runtime/lib/pytorch-"));
        assertThat(plan.env()).doesNotContainKey("DJL_CACHE_DIR");
    }

}
