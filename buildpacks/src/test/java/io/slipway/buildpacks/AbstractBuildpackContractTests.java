package io.slipway.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.slipway.buildpacks.TestBundles.Sample;
import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Buildpack} does; each implementation's tests extend this class. Runs on the real
 * sample bundles and a runtime distribution faked with empty jars, so no build is needed.
 */
abstract class AbstractBuildpackContractTests {

    static final String BASE_IMAGE = "slipway/base:17";

    static final Map<String, String> LABELS = Map.of("io.slipway.app", "iris", "io.slipway.release", "v3");

    @TempDir
    Path temp;

    RuntimeDistribution runtime;

    /** The buildpack under test, freshly made. */
    abstract Buildpack buildpack();

    /** The sample bundle the buildpack builds. */
    abstract Sample sample();

    /** The engine its images carry. */
    abstract String engine();

    @BeforeEach
    void fakeRuntime() {
        runtime = RuntimeDistribution.scan(TestBundles.fakeRuntime(temp, TestBundles.LIB_JARS));
    }

    BuildInput input(String extraYaml) {
        Path root = sample().root(temp);
        return new BuildInput(root, TestBundles.manifest(root, extraYaml), runtime, BASE_IMAGE, LABELS);
    }

    BuildPlan plan() {
        return buildpack().plan(input(""));
    }

    @Test
    void detectSaysYesToItsOwnSampleBundle() {
        Path root = sample().root(temp);
        assertThat(buildpack().detect(TestBundles.manifest(root, ""), root)).isTrue();
    }

    @Test
    void detectSaysNoToTheOtherSampleBundles() {
        for (Sample other : Sample.values()) {
            Path root = other.root(temp);
            if (other != sample()) {
                assertThat(buildpack().detect(TestBundles.manifest(root, ""), root)).as(other.name()).isFalse();
            }
        }
    }

    @Test
    void planOrdersLayersRuntimeThenEngineThenModel() {
        List<String> expected = engine().equals(RuntimeDistribution.NO_ENGINE) ? List.of("runtime", "model")
                : List.of("runtime", "engine-" + engine(), "model");
        assertThat(plan().layers()).extracting(Layer::name).containsExactlyElementsOf(expected);
    }

    @Test
    void planPutsTheBundleAloneInTheTopLayer() {
        List<Layer> layers = plan().layers();
        assertThat(layers.get(layers.size() - 1).files())
                .containsExactly(new LayerFile(sample().root(temp), ImageLayout.MODEL_DIR));
        assertThat(layers.subList(0, layers.size() - 1)).flatExtracting(Layer::files).extracting(LayerFile::source)
                .allSatisfy(source -> assertThat(source.startsWith(sample().root(temp))).isFalse());
    }

    @Test
    void planTakesEveryLayerFileFromAnExistingSource() {
        assertThat(plan().layers()).flatExtracting(Layer::files).extracting(LayerFile::source)
                .allSatisfy(source -> assertThat(source).isAbsolute().exists());
    }

    @Test
    void planPutsRuntimeAndCommonJarsInRuntimeLayerAndEngineJarsInEngineLayer() {
        BuildPlan plan = plan();
        List<String> runtimeTargets = new ArrayList<>(List.of(ImageLayout.RUNTIME_JAR));
        runtime.commonLibs().forEach(jar -> runtimeTargets.add(ImageLayout.RUNTIME_LIB + "/" + jar.getFileName()));
        assertThat(plan.layers().get(0).files()).extracting(LayerFile::target).containsExactlyElementsOf(runtimeTargets);
        List<Path> engineSources = plan.layers().stream().filter(layer -> layer.name().startsWith("engine-"))
                .flatMap(layer -> layer.files().stream()).map(LayerFile::source)
                .filter(source -> source.toString().endsWith(".jar")).toList();
        assertThat(engineSources).containsExactlyElementsOf(runtime.engineLibs(engine()));
        assertThat(plan.layers()).flatExtracting(Layer::files).extracting(LayerFile::target).doesNotHaveDuplicates();
    }

    @Test
    void planRunsTheRuntimeAsNonRootUserOnPort8080() {
        BuildPlan plan = plan();
        assertThat(plan.buildpack()).isEqualTo(buildpack().id());
        assertThat(plan.engine()).isEqualTo(engine());
        assertThat(plan.baseImage()).isEqualTo(BASE_IMAGE);
        assertThat(plan.user()).isEqualTo("10001:10001");
        assertThat(plan.workingDir()).isEqualTo("/opt/slipway");
        assertThat(plan.port()).isEqualTo(8080);
        assertThat(plan.entrypoint()).containsExactly("/opt/slipway/jre/bin/java", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxRAMPercentage=75", "-Dai.djl.offline=true", "-cp",
                "/opt/slipway/runtime/model-runtime.jar:/opt/slipway/runtime/lib/*", "io.slipway.runtime.Main",
                "--model-dir", "/opt/slipway/model", "--port", "8080");
        assertThat(plan.healthCheck()).containsExactly("/opt/slipway/jre/bin/java", "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", "/opt/slipway/runtime/model-runtime.jar",
                "io.slipway.runtime.HealthCheck", "8080");
    }

    @Test
    void planRunsDjlOfflineWithHomeInTmp() {
        assertThat(plan().env()).containsEntry("OPT_OUT_TRACKING", "true").containsEntry("DJL_OFFLINE", "true")
                .containsEntry("HOME", "/tmp");
    }

    @Test
    void planCarriesManifestEnvButKeepsThePlatformsOwn() {
        BuildPlan plan = buildpack().plan(input("env: { GREETING: hello, DJL_OFFLINE: \"false\" }\n"));
        assertThat(plan.env()).containsEntry("GREETING", "hello").containsEntry("DJL_OFFLINE", "true");
    }

    @Test
    void planLeavesSecretsOutOfTheImageEnvironment() {
        BuildPlan plan = buildpack().plan(input("env: { GREETING: hello, API_KEY: { secret: s3cr3t }, TOKEN: { secret: true } }\n"));
        assertThat(plan.env()).containsEntry("GREETING", "hello").doesNotContainKeys("API_KEY", "TOKEN");
        assertThat(plan.env().values()).doesNotContain("s3cr3t");
    }

    @Test
    void planLabelsTheImageWithBuildpackAndEngineBesideInputLabels() {
        assertThat(plan().labels()).containsAllEntriesOf(LABELS).containsEntry("io.slipway.buildpack", buildpack().id())
                .containsEntry("io.slipway.engine", engine()).hasSize(LABELS.size() + 2);
    }

    @Test
    void planIsDeterministic() {
        assertThat(buildpack().plan(input(""))).isEqualTo(buildpack().plan(input(""))).isEqualTo(plan());
    }

    @Test
    void planIsWhatTheStandardRegistryPlans() {
        assertThat(Buildpacks.standard().plan(input(""))).isEqualTo(plan());
    }

    @Test
    void planWhenBundleIsNotItsOwnRejects() {
        Sample other = sample() == Sample.ECHO ? Sample.ONNX : Sample.ECHO;
        Path root = other.root(temp);
        BuildInput foreign = new BuildInput(root, TestBundles.manifest(root, ""), runtime, BASE_IMAGE, LABELS);
        assertThatExceptionOfType(BuildpackException.class).isThrownBy(() -> buildpack().plan(foreign))
                .withMessageStartingWith("the " + buildpack().id() + " buildpack does not build model format ");
    }

    @Test
    void planWhenRuntimeLacksTheEngineJarsNamesTheEngineOrNeedsNone() throws Exception {
        List<String> withoutEngine = TestBundles.LIB_JARS.stream()
                .filter(jar -> RuntimeDistribution.engineOf(jar) == null).toList();
        runtime = RuntimeDistribution.scan(TestBundles.fakeRuntime(Files.createDirectory(temp.resolve("bare")),
                withoutEngine));
        if (engine().equals(RuntimeDistribution.NO_ENGINE)) {
            // A buildpack without an engine plans from the bare runtime: no engine layer at all.
            assertThat(plan().layers()).extracting(io.slipway.buildpacks.plan.Layer::name)
                    .noneMatch(name -> name.startsWith("engine-"));
            return;
        }
        assertThatExceptionOfType(BuildpackException.class).isThrownBy(this::plan)
                .withMessageContaining("has no " + engine() + " engine jars in lib/");
    }

}
