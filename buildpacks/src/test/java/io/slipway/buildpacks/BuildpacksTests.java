package io.slipway.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.slipway.buildpacks.TestBundles.Sample;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.plan.BuildPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Buildpacks}: the first buildpack that detects a bundle plans it. */
class BuildpacksTests {

    @TempDir
    Path temp;

    RuntimeDistribution runtime;

    @BeforeEach
    void fakeRuntime() {
        runtime = RuntimeDistribution.scan(TestBundles.fakeRuntime(temp, TestBundles.LIB_JARS));
    }

    @Test
    void standardPlansEachSampleWithItsBuildpack() {
        for (Sample sample : Sample.values()) {
            assertThat(Buildpacks.standard().plan(input(sample)).buildpack()).isEqualTo(sample.name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void planWhenNoBuildpackDetectsTheBundleNamesItsFormat() {
        Buildpacks onnxOnly = new Buildpacks(List.of(new OnnxBuildpack()));

        assertThatExceptionOfType(BuildpackException.class).isThrownBy(() -> onnxOnly.plan(input(Sample.TORCHSCRIPT)))
                .withMessage("no buildpack builds model format torchscript (buildpacks: onnx)");
    }

    @Test
    void detectAsksInOrderAndTakesTheFirstYes() {
        Buildpack greedy = new Buildpack() {
            @Override
            public String id() {
                return "greedy";
            }

            @Override
            public boolean detect(Manifest manifest, Path bundleRoot) {
                return true;
            }

            @Override
            public BuildPlan plan(BuildInput input) {
                throw new UnsupportedOperationException();
            }
        };
        BuildInput input = input(Sample.ONNX);

        assertThat(new Buildpacks(List.of(new OnnxBuildpack(), greedy)).detect(input.manifest(), input.bundleRoot()))
                .get().isInstanceOf(OnnxBuildpack.class);
        assertThat(new Buildpacks(List.of(greedy, new OnnxBuildpack())).detect(input.manifest(), input.bundleRoot()))
                .containsSame(greedy);
    }

    private BuildInput input(Sample sample) {
        Path root = sample.root(temp);
        return new BuildInput(root, TestBundles.manifest(root, ""), runtime, "base", Map.of());
    }

}
