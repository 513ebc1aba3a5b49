package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.slipway.platform.DockerAvailability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The base image: bootstrapped from this machine when missing, found again afterwards. */
class BaseImageBootstrapTests {

    @Test
    void ensureProvidesAnImageWhoseJavaRunsAsTheSlipwayUser() throws Exception {
        String id = TestImages.baseImage();
        DockerClient docker = DockerAvailability.client();
        long size = docker.inspectImageCmd(id).exec().getSize();
        System.out.printf("[docker-tests] base image %s: %.1f MB%n", TestImages.BASE_IMAGE, size / 1e6);

        String output = run(docker, TestImages.BASE_IMAGE, "10001:10001", "/opt/slipway/jre/bin/java", "-version");

        assertThat(output).contains("openjdk version \"17");
        assertThat(size).isLessThan(100_000_000L);
    }

    @Test
    void ensureWhenTheImageExistsFindsItWithoutBuilding() {
        String first = TestImages.baseImage();
        List<String> log = new ArrayList<>();

        String second = TestImages.bootstrap().ensure(TestImages.BASE_IMAGE, log::add);

        assertThat(second).isEqualTo(first);
        assertThat(log).singleElement().asString().contains("found locally");
    }

    @Test
    void ensureWhenBootstrappingLogsWhatItDidAndHowLong() {
        List<String> log = TestImages.baseImageLog();
        // on a machine that had the image already, the log says so instead
        if (log.stream().anyMatch(line -> line.contains("found locally"))) {
            return;
        }
        assertThat(log).anyMatch(line -> line.startsWith("Cannot pull") || line.startsWith("Pull of"));
        assertThat(log).anyMatch(line -> line.startsWith("JRE linked in"));
        assertThat(log).anyMatch(line -> line.startsWith("Host libraries") && line.contains("libc.so.6"));
        assertThat(log).anyMatch(line -> line.matches("Base image .* bootstrapped in [0-9.]+ s: .*MB"));
    }

    @Test
    void pullWhenNoRegistryHasTheImageGivesUpQuickly() {
        BaseImageBootstrap bootstrap = new BaseImageBootstrap(DockerAvailability.client(), TestImages.RUNTIME,
                TestImages.WORK, Duration.ofSeconds(3), java.nio.file.Path.of(System.getProperty("java.home")));
        long start = System.nanoTime();

        boolean pulled = bootstrap.pull(ImageName.parse("slipway-test/never-published:0"), line -> { });

        assertThat(pulled).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /** Runs a command in a new container of {@code image} and returns what it printed. */
    static String run(DockerClient docker, String image, String user, String... command) throws Exception {
        String id = docker.createContainerCmd(image).withUser(user).withCmd(command).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(10, TimeUnit.SECONDS);
            return out.toString();
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
