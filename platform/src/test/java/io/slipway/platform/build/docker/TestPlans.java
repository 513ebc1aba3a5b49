package io.slipway.platform.build.docker;

import io.slipway.buildpacks.plan.BuildPlan;
import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Build plans made by hand the way the buildpacks make them (the image layout contract). */
final class TestPlans {

    static final String LIB = "/opt/slipway/runtime/lib/";
    static final List<String> ENTRYPOINT = List.of("/opt/slipway/jre/bin/java", "-Dai.djl.offline=true", "-cp",
            "/opt/slipway/runtime/model-runtime.jar:/opt/slipway/runtime/lib/*", "io.slipway.runtime.Main",
            "--model-dir", "/opt/slipway/model", "--port", "8080");
    static final List<String> HEALTH_CHECK = List.of("/opt/slipway/jre/bin/java", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx16m", "-cp", "/opt/slipway/runtime/model-runtime.jar",
            "io.slipway.runtime.HealthCheck", "8080");

    private TestPlans() {
    }

    static BuildPlan onnx(Path bundle) {
        return plan("onnxruntime", bundle, name -> name.startsWith("onnxruntime"));
    }

    static BuildPlan pytorch(Path bundle) {
        return plan("pytorch", bundle, name -> name.startsWith("pytorch"));
    }

    private static BuildPlan plan(String engine, Path bundle, Predicate<String> engineJar) {
        List<LayerFile> runtime = new ArrayList<>();
        List<LayerFile> engineFiles = new ArrayList<>();
        runtime.add(new LayerFile(TestImages.RUNTIME.resolve("model-runtime.jar"),
                "/opt/slipway/runtime/model-runtime.jar"));
        for (Path jar : jars()) {
            String name = jar.getFileName().toString();
            boolean anyEngine = name.startsWith("onnxruntime") || name.startsWith("pytorch");
            if (engineJar.test(name)) {
                engineFiles.add(new LayerFile(jar, LIB + name));
            } else if (!anyEngine) {
                runtime.add(new LayerFile(jar, LIB + name));
            }
        }
        List<Layer> layers = List.of(new Layer("runtime", runtime), new Layer("engine-" + engine, engineFiles),
                new Layer("model", List.of(new LayerFile(bundle, "/opt/slipway/model"))));
        return new BuildPlan(engine.equals("pytorch") ? "torchscript" : "onnx", engine, TestImages.BASE_IMAGE, layers,
                "/opt/slipway", ENTRYPOINT, Map.of("OPT_OUT_TRACKING", "true", "DJL_OFFLINE", "true", "HOME", "/tmp"),
                Map.of("io.slipway.app", bundle.getFileName().toString(), "io.slipway.release", "1",
                        "io.slipway.bundle-digest", "sha256:test"),
                8080, "10001:10001", HEALTH_CHECK);
    }

    private static List<Path> jars() {
        try (Stream<Path> list = Files.list(TestImages.RUNTIME.resolve("lib"))) {
            return list.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
