package io.slipway.buildpacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RuntimeDistribution#scan}: finding the runtime jar and sorting the lib jars by engine. */
class RuntimeDistributionTests {

    @TempDir
    Path temp;

    @Test
    void scanSortsLibJarsIntoCommonAndEngines() {
        Path home = TestBundles.fakeRuntime(temp, TestBundles.LIB_JARS);

        RuntimeDistribution runtime = RuntimeDistribution.scan(home);

        assertThat(runtime.runtimeJar()).isEqualTo(home.resolve("model-runtime.jar"));
        assertThat(names(runtime.commonLibs())).containsExactly("api-0.36.0.jar", "buildpacks-0.1.0-SNAPSHOT.jar",
                "gson-2.13.2.jar", "jna-5.17.0.jar", "slf4j-api-2.0.18.jar", "undertow-core-2.4.4.Final.jar");
        assertThat(names(runtime.engineLibs("onnxruntime")))
                .containsExactly("onnxruntime-1.21.1.jar", "onnxruntime-engine-0.36.0.jar");
        assertThat(names(runtime.engineLibs("pytorch"))).containsExactly("pytorch-engine-0.36.0.jar",
                "pytorch-jni-2.7.1-0.36.0.jar", "pytorch-native-cpu-2.7.1-linux-x86_64.jar");
        assertThat(runtime.engineLibs("none")).isEmpty();
        assertThat(runtime.djlCacheDir()).isNull();
    }

    @Test
    void scanTakesLookalikesAsCommonJars() {
        RuntimeDistribution runtime = RuntimeDistribution.scan(TestBundles.fakeRuntime(temp,
                List.of("onnxruntime_gpu-1.21.1.jar", "onnxruntime-extensions.jar", "pytorch-model-zoo-0.36.0.jar")));

        assertThat(names(runtime.commonLibs())).hasSize(3);
        assertThat(runtime.engines()).isEmpty();
    }

    @Test
    void scanWhenFolderIsNoRuntimeDistributionSaysWhatIsMissing() throws Exception {
        Path empty = Files.createDirectory(temp.resolve("empty"));

        assertThatExceptionOfType(BuildpackException.class).isThrownBy(() -> RuntimeDistribution.scan(empty))
                .withMessage("not a model runtime distribution: " + empty + " must hold model-runtime.jar and lib/*.jar"
                        + " (run mvn package in model-runtime/, then use model-runtime/target)");
    }

    @Test
    void withDjlCacheDirKeepsTheJars() throws Exception {
        RuntimeDistribution runtime = RuntimeDistribution.scan(TestBundles.fakeRuntime(temp, TestBundles.LIB_JARS));
        Path cache = Files.createDirectory(temp.resolve("cache"));

        RuntimeDistribution cached = runtime.withDjlCacheDir(cache);

        assertThat(cached.djlCacheDir()).isEqualTo(cache);
        assertThat(cached.withDjlCacheDir(null)).isEqualTo(runtime);
    }


    private static List<String> names(List<Path> jars) {
        return jars.stream().map(jar -> jar.getFileName().toString()).toList();
    }

}
