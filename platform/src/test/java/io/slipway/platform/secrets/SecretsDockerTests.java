package io.slipway.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import io.slipway.platform.DockerAvailability;
import io.slipway.platform.PlatformHarness;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets on a real Docker engine: the container's environment has the value, the release image
 * (its config and every layer) and the data directory do not.
 */
class SecretsDockerTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void inlineSecretIsInTheContainersEnvironmentAndNowhereInTheImage() throws Exception {
        DockerClient docker = DockerAvailability.client();
        String value = "sv-" + UUID.randomUUID();
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "docker")) {
            try {
                JsonNode deployment = platform.deploy("sec-docker", SecretsFlowTests.iris(work.resolve("bundle"),
                        "GREETING: hello\n  API_KEY: { secret: \"" + value + "\" }"));
                assertThat(deployment.path("status").asText()).as(deployment.toString()).isEqualTo("live");
                Instance instance = platform.bean(RuntimeBackend.class).list().stream()
                        .filter(i -> i.app().equals("sec-docker") && i.running()).findFirst().orElseThrow();
                List<String> env = Arrays.asList(docker.inspectContainerCmd(instance.backendId()).exec().getConfig().getEnv());
                assertThat(env).contains("API_KEY=" + value, "GREETING=hello");

                String image = SecretsFlowTests.JSON.readTree(platform.get("/api/v1/apps/sec-docker/releases/1").body())
                        .path("image").asText();
                var config = docker.inspectImageCmd(image).exec().getConfig();
                assertThat(Arrays.asList(config.getEnv())).contains("GREETING=hello")
                        .noneMatch(entry -> entry.contains(value) || entry.startsWith("API_KEY="));
                try (InputStream saved = docker.saveImageCmd(image).exec()) {
                    assertThat(holds(saved, value.getBytes(StandardCharsets.UTF_8))).as("the saved image holds the value")
                            .isFalse();
                }
                assertThat(SecretsFlowTests.filesHolding(dataDir, value)).isEmpty();
                assertThat(platform.get("/api/v1/apps/sec-docker/deployments/" + deployment.path("id").asText() + "/log")
                        .body()).doesNotContain(value);
            } finally {
                platform.delete("/api/v1/apps/sec-docker");
            }
        }
    }

    /** Whether a stream holds the bytes, read once with a carry-over of one needle's length. */
    static boolean holds(InputStream in, byte[] needle) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int kept = 0;
        int read;
        while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
            int end = kept + read;
            outer:
            for (int i = 0; i <= end - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (buffer[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            kept = Math.min(needle.length - 1, end);
            System.arraycopy(buffer, end - kept, buffer, 0, kept);
        }
        return false;
    }
}
