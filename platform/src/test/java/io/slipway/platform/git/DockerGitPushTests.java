package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.DockerAvailability;
import io.slipway.platform.PlatformHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code git push} on the Docker backend: the image build streams back, the container answers. */
class DockerGitPushTests {

    static final String INFER = "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"shape\":[1,4],"
            + "\"data\":[5.1,3.5,1.4,0.2]}]}";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    PlatformHarness platform;

    @BeforeEach
    void requireDocker() {
        DockerAvailability.client();
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/git-docker");
            platform.close();
        }
    }

    @Test
    void pushBuildsAnImageStreamingItsLogAndGoesLive() {
        platform = PlatformHarness.start(dataDir, "docker");
        GitClient git = new GitClient(work.resolve("home"), platform.adminToken());
        Path repo = git.commitOf(PlatformHarness.repository().resolve("sample-apps/iris-onnx"), work.resolve("repo"));

        GitClient.Result push = git.run(repo, "push", platform.url("/git/git-docker.git"), "main");

        System.out.println("git push of iris on docker: " + push.took().toMillis() + " ms");
        assertThat(push.exit()).as(push.toString()).isZero();
        assertThat(push.stderr()).containsPattern("remote: \\[ *[0-9.]+s\\] -----> building release v1 \\(onnx\\)")
                .contains("remote: =====> released v1 of 'git-docker'",
                        "endpoint: " + platform.url("/apps/git-docker/v2/models/iris/infer"));
        assertThat(push.whenSaid("building release v1")).isLessThan(push.whenSaid("released v1").minusMillis(500));
        PlatformHarness.Answer answer = platform.postJson("/apps/git-docker/v2/models/iris/infer", INFER);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
