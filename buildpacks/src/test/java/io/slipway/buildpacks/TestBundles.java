package io.slipway.buildpacks;

import io.slipway.buildpacks.manifest.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample bundles the buildpack tests plan, and a runtime distribution faked with empty jars. */
final class TestBundles {

    /** The lib folder of a real model-runtime/target, engines and all. */
    static final List<String> LIB_JARS = List.of("api-0.36.0.jar", "buildpacks-0.1.0-SNAPSHOT.jar",
            "gson-2.13.2.jar", "jna-5.17.0.jar", "onnxruntime-1.21.1.jar", "onnxruntime-engine-0.36.0.jar",
            "pytorch-engine-0.36.0.jar", "pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar",
            "slf4j-api-2.0.18.jar", "undertow-core-2.4.4.Final.jar");

    static final String ECHO_MANIFEST = """
            name: echo
            model:
              format: echo
              inputs: [{ name: x, datatype: FP32, shape: [-1] }]
            """;

    /** The sample bundles by the id of the buildpack that builds them. */
    enum Sample {
        ONNX, TORCHSCRIPT, ECHO;

        Path root(Path temp) {
            return switch (this) {
                case ONNX -> sampleApp("iris-onnx");
                case TORCHSCRIPT -> sampleApp("digits-torchscript");
                case ECHO -> echoBundle(temp);
            };
        }
    }

    private TestBundles() {
    }

    static Path sampleApp(String name) {
        return Path.of("..", "sample-apps", name).toAbsolutePath().normalize();
    }

    static Path echoBundle(Path temp) {
        Path root = temp.resolve("echo-bundle");
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(Manifest.FILE_NAME), ECHO_MANIFEST);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return root;
    }

    /** A folder shaped like model-runtime/target with empty jars, and a README that is no jar. */
    static Path fakeRuntime(Path temp, List<String> libJars) {
        Path home = temp.resolve("runtime");
        try {
            Files.createDirectories(home.resolve("lib"));
            Files.createFile(home.resolve("model-runtime.jar"));
            Files.createFile(home.resolve("lib/README.txt"));
            for (String jar : libJars) {
                Files.createFile(home.resolve("lib").resolve(jar));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return home;
    }

    /** A manifest read from the bundle, with extra YAML appended (e.g. an env section). */
    static Manifest manifest(Path bundleRoot, String extraYaml) {
        try {
            String text = Files.readString(bundleRoot.resolve(Manifest.FILE_NAME));
            return extraYaml.isEmpty() ? Manifest.read(bundleRoot) : Manifest.parse(text + extraYaml, Manifest.FILE_NAME);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
