package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.slipway.platform.DockerAvailability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The images the Docker tests share, made once per test JVM: the base image (bootstrapped on a
 * fresh machine, found again afterwards) and the sample apps' images, built from hand-made plans.
 */
public final class TestImages {

    /** The base image name the tests use, so a bootstrap is shared by every test and every run. */
    public static final String BASE_IMAGE = "slipway-test/base:17";

    static final Path RUNTIME = Path.of("../model-runtime/target").toAbsolutePath().normalize();
    static final Path SAMPLES = Path.of("../sample-apps").toAbsolutePath().normalize();
    static final Path WORK = Path.of("target/docker-tests").toAbsolutePath();

    private static BaseImageBootstrap bootstrap;
    private static DockerImageBuilder builder;
    private static String baseImageId;
    private static RuntimeException baseFailure;
    private static final List<String> BASE_LOG = new ArrayList<>();
    private static BuiltImage iris;
    private static BuiltImage digits;

    private TestImages() {
    }

    /** The base image's id, bootstrapped if missing; its build log is in {@link #baseImageLog()}. */
    public static synchronized String baseImage() {
        if (baseFailure != null) {
            throw baseFailure; // one failed bootstrap is enough: the other tests report it, not repeat it
        }
        if (baseImageId == null) {
            long start = System.nanoTime();
            try {
                baseImageId = bootstrap().ensure(BASE_IMAGE, log(BASE_LOG));
            } catch (RuntimeException e) {
                baseFailure = e;
                throw e;
            }
            System.out.printf("[docker-tests] base image %s ready in %.1f s%n", BASE_IMAGE,
                    (System.nanoTime() - start) / 1e9);
        }
        return baseImageId;
    }

    static synchronized List<String> baseImageLog() {
        baseImage();
        return List.copyOf(BASE_LOG);
    }

    /** The iris sample (ONNX) as an image tagged {@code slipway-test/iris:1}. */
    public static synchronized BuiltImage iris() {
        if (iris == null) {
            iris = builder().build(TestPlans.onnx(SAMPLES.resolve("iris-onnx")), "slipway-test/iris:1",
                    log(new ArrayList<>()));
            System.out.println("[docker-tests] " + iris);
        }
        return iris;
    }

    /** The digits sample (TorchScript) as an image tagged {@code slipway-test/digits:1}. */
    public static synchronized BuiltImage digits() {
        if (digits == null) {
            digits = builder().build(TestPlans.pytorch(SAMPLES.resolve("digits-torchscript")),
                    "slipway-test/digits:1", log(new ArrayList<>()));
            System.out.println("[docker-tests] " + digits);
        }
        return digits;
    }

    static synchronized BaseImageBootstrap bootstrap() {
        if (bootstrap == null) {
            DockerClient docker = DockerAvailability.client();
            assertThat(RUNTIME.resolve("model-runtime.jar"))
                    .as("the model runtime's distribution (run mvn install -DskipTests first)").exists();
            bootstrap = new BaseImageBootstrap(docker, RUNTIME, WORK.resolve("bootstrap"));
        }
        return bootstrap;
    }

    static synchronized DockerImageBuilder builder() {
        if (builder == null) {
            builder = new DockerImageBuilder(DockerAvailability.client(), bootstrap(), WORK.resolve("build-cache"));
        }
        return builder;
    }

    /** A log that prints each line (so CI output shows the builds) and keeps it in {@code lines}. */
    static Consumer<String> log(List<String> lines) {
        return line -> {
            System.out.println("[build] " + line);
            synchronized (lines) {
                lines.add(line);
            }
        };
    }
}
