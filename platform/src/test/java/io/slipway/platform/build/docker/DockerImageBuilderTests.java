package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import io.slipway.platform.DockerAvailability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release images built from plans against a real engine: layout, settings, cache reuse, size. */
class DockerImageBuilderTests {

    @Test
    void buildCopiesTheLayersInPlanOrderAndAppliesThePlansSettings() {
        BuiltImage image = TestImages.iris();
        InspectImageResponse inspected = DockerAvailability.client().inspectImageCmd(image.id()).exec();

        assertThat(inspected.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(inspected.getConfig().getWorkingDir()).isEqualTo("/opt/slipway");
        assertThat(inspected.getConfig().getEnv()).contains("OPT_OUT_TRACKING=true", "DJL_OFFLINE=true", "HOME=/tmp");
        assertThat(inspected.getConfig().getLabels()).containsEntry("io.slipway.app", "iris-onnx")
                .containsEntry("io.slipway.engine", "onnxruntime");
        List<String> entrypoint = new ArrayList<>(TestPlans.ENTRYPOINT);
        entrypoint.addAll(1, List.of("-XX:SharedArchiveFile=" + ClassArchives.ARCHIVE, OnnxRuntimeNatives.OPTION));
        assertThat(inspected.getConfig().getEntrypoint()).containsExactlyElementsOf(entrypoint);
        assertThat(inspected.getConfig().getExposedPorts()).extracting(port -> port.getPort()).containsExactly(8080);
        assertThat(inspected.getConfig().getHealthcheck().getTest())
                .containsExactlyElementsOf(concat("CMD", TestPlans.HEALTH_CHECK));
        // the base image's layer, then runtime, engine, the class data sharing archive and model
        assertThat(inspected.getRootFS().getLayers()).hasSize(5);
        assertThat(image.sizeBytes()).as("ONNX image size").isLessThan(150_000_000L);
    }

    @Test
    void rebuildWithOnlyTheModelChangedTakesRuntimeAndEngineLayersFromTheCache(@TempDir Path dir) throws IOException {
        BuiltImage first = TestImages.iris();
        Path bundle = copy(TestImages.SAMPLES.resolve("iris-onnx"), dir.resolve("iris-onnx"));
        // a new model every run: the same content built before would come from Docker's cache
        Files.writeString(bundle.resolve("model/labels.txt"), "setosa\nversicolor\nvirginica " + UUID.randomUUID());
        List<String> log = new ArrayList<>();

        BuiltImage second = TestImages.builder().build(TestPlans.onnx(bundle), "slipway-test/iris:2",
                TestImages.log(log));

        System.out.printf("[docker-tests] model-only rebuild: %.1f s%n", second.buildTime().toMillis() / 1e3);
        assertThat(second.cachedLayers()).containsExactly("runtime", "engine-onnxruntime");
        assertThat(second.builtLayers()).containsExactly("model");
        assertThat(log).anyMatch(line -> line.startsWith("Layers runtime, engine-onnxruntime: unchanged, reusing"));
        List<String> before = layers(first.id());
        List<String> after = layers(second.id());
        assertThat(after.subList(0, 4)).isEqualTo(before.subList(0, 4));
        assertThat(after.get(4)).isNotEqualTo(before.get(4));
    }

    @Test
    void rebuildOfAnUnchangedPlanTakesEveryLayerFromTheCache() {
        BuiltImage first = TestImages.iris();

        BuiltImage again = TestImages.builder().build(TestPlans.onnx(TestImages.SAMPLES.resolve("iris-onnx")),
                "slipway-test/iris:again", TestImages.log(new ArrayList<>()));

        System.out.printf("[docker-tests] warm rebuild: %.1f s%n", again.buildTime().toMillis() / 1e3);
        assertThat(again.builtLayers()).isEmpty();
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void buildWhenTheLowerLayersChangedUntagsTheStageTheyReplace(@TempDir Path dir) throws IOException {
        Path runtimeJar = Files.copy(TestImages.RUNTIME.resolve("model-runtime.jar"), dir.resolve("model-runtime.jar"));
        BuildPlan plan = withRuntimeJar(TestPlans.onnx(TestImages.SAMPLES.resolve("iris-onnx")), runtimeJar);
        BuiltImage first = TestImages.builder().build(plan, "slipway-test/stages:1", line -> { });
        Files.setLastModifiedTime(runtimeJar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<String> log = new ArrayList<>();

        BuiltImage second = TestImages.builder().build(plan, "slipway-test/stages:2", log::add);

        assertThat(log).anyMatch(line -> line.startsWith("Untagged older layer stages"));
        assertThat(stageTags()).filteredOn(tag -> tag.startsWith("slipway-test/base-layers:engine-stage-test-"))
                .hasSize(1);
        assertThat(stageTags()).filteredOn(tag -> tag.startsWith("slipway-test/base-layers-cds:engine-stage-test-"))
                .as("the stage's class archive image").hasSize(1);
        // the same content again; only the class archive, recorded by a new run, differs
        List<String> before = layers(first.id());
        List<String> after = layers(second.id());
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        assertThat(after.get(4)).isEqualTo(before.get(4));
        assertThat(DockerAvailability.client().inspectImageCmd("slipway-test/stages:1").exec().getId())
                .isEqualTo(first.id());
    }

    @Test
    void buildOfAPytorchPlanCarriesTheExtractedNativesInsteadOfTheirJar() throws IOException {
        BuiltImage image = TestImages.digits();
        DockerClient docker = DockerAvailability.client();

        List<String> files = files(docker, image.id(), "/opt/slipway");

        assertThat(files).anyMatch(name -> name.matches("slipway/djl-cache/pytorch/[^/]+/libtorch_cpu\\.so"));
        assertThat(files).anyMatch(name -> name.matches("slipway/djl-cache/pytorch/[^/]+/[0-9.]+-libdjl_torch\\.so"));
        assertThat(files).noneMatch(name -> name.contains("pytorch-native-"));
        assertThat(files).anyMatch(name -> name.startsWith("slipway/runtime/lib/pytorch-engine-"));
        assertThat(docker.inspectImageCmd(image.id()).exec().getConfig().getEnv())
                .contains("DJL_CACHE_DIR=/opt/slipway/djl-cache");
    }

    @Test
    void buildOfAnOnnxPlanCarriesOnnxRuntimesNativeLibrariesUnpacked() throws IOException {
        BuiltImage image = TestImages.iris();

        List<String> files = files(DockerAvailability.client(), image.id(), OnnxRuntimeNatives.DIR);

        assertThat(files).contains("onnxruntime/libonnxruntime.so", "onnxruntime/libonnxruntime4j_jni.so");
    }

    @Test
    void buildRecordsTheRuntimesClassesSoItsJvmMapsThemInsteadOfLoadingThem() throws InterruptedException {
        BuiltImage image = TestImages.iris();
        DockerClient docker = DockerAvailability.client();
        List<String> entrypoint = List.of(docker.inspectImageCmd(image.id()).exec().getConfig().getEntrypoint());
        // the image's own JVM and class path, asked for its usage only, logging where each class came from
        List<String> command = new ArrayList<>(entrypoint.subList(0, entrypoint.indexOf("io.slipway.runtime.Main") + 1));
        command.add(1, "-Xlog:class+load=info");
        command.add("--help");

        String output = run(docker, image.id(), command);

        assertThat(entrypoint).contains("-XX:SharedArchiveFile=" + ClassArchives.ARCHIVE);
        assertThat(output).contains("usage: java -jar model-runtime.jar")
                .contains("io.slipway.runtime.Main source: shared objects file (top)");
    }

    @Test
    void buildWhenALayerFileIsMissingFailsAndNamesIt(@TempDir Path dir) {
        BuildPlan plan = TestPlans.onnx(dir.resolve("no-such-bundle"));
        DockerImageBuilder builder = TestImages.builder();

        assertThatThrownBy(() -> builder.build(plan, "slipway-test/missing:1", line -> { }))
                .isInstanceOf(ImageBuildException.class).hasMessageContaining("no-such-bundle");
    }

    /** The plan with another runtime jar and its engine layer renamed, so its stages are its own. */
    private static BuildPlan withRuntimeJar(BuildPlan plan, Path runtimeJar) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : plan.layers()) {
            List<LayerFile> files = layer.files().stream().map(file -> file.target().endsWith("/model-runtime.jar")
                    ? new LayerFile(runtimeJar, file.target()) : file).toList();
            layers.add(new Layer(layer.name().startsWith("engine-") ? "engine-stage-test" : layer.name(), files));
        }
        return new BuildPlan(plan.buildpack(), plan.engine(), plan.baseImage(), layers, plan.workingDir(),
                plan.entrypoint(), plan.env(), plan.labels(), plan.port(), plan.user(), plan.healthCheck());
    }

    private static List<String> stageTags() {
        return DockerAvailability.client().listImagesCmd().withImageNameFilter("slipway-test/base-layers").exec()
                .stream().flatMap(image -> Stream.of(image.getRepoTags() == null ? new String[0] : image.getRepoTags()))
                .toList();
    }

    private static List<String> layers(String imageId) {
        return DockerAvailability.client().inspectImageCmd(imageId).exec().getRootFS().getLayers();
    }

    /** The files under {@code path} in {@code image}, read from a created (never started) container. */
    static List<String> files(DockerClient docker, String image, String path) throws IOException {
        String container = docker.createContainerCmd(image).exec().getId();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                docker.copyArchiveFromContainerCmd(container, path).exec())) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        return names;
    }

    /** Runs {@code command} in a container of {@code image} to its end; returns what it printed. */
    private static String run(DockerClient docker, String image, List<String> command) throws InterruptedException {
        String container = docker.createContainerCmd(image).withEntrypoint(command).exec().getId();
        StringBuilder out = new StringBuilder();
        try {
            docker.startContainerCmd(container).exec();
            docker.waitContainerCmd(container).start().awaitStatusCode(60, java.util.concurrent.TimeUnit.SECONDS);
            docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            docker.removeContainerCmd(container).withForce(true).exec();
        }
        return out.toString();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
