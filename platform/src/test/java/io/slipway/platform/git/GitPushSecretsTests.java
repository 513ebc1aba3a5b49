package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets and {@code git push}: a pushed manifest may name stored secrets ({@code { secret: true }})
 * but not carry a value, which the app's repository would keep unencrypted.
 */
class GitPushSecretsTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;
    static GitClient git;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process", "--slipway.ready-timeout=60s");
        git = new GitClient(work.resolve("home"), platform.adminToken());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/git-secret");
            platform.close();
        }
    }

    @Test
    void pushWithAnInlineSecretIsRefusedAndOneNamingAStoredSecretDeploys() throws Exception {
        Path repo = work.resolve("push");
        GitClient.copy(PlatformHarness.repository().resolve("sample-apps/iris-onnx"), repo);
        Files.writeString(repo.resolve("slipway.yaml"), "env:\n  API_KEY: { secret: \"pushed-s3cr3t\" }\n",
                StandardOpenOption.APPEND);
        git.ok(repo, "init", "-q", "-b", "main");
        git.ok(repo, "add", "-A");
        git.ok(repo, "commit", "-q", "-m", "inline secret");

        GitClient.Result refused = git.run(repo, "push", remote(), "main");
        assertThat(refused.exit()).as(refused.toString()).isNotZero();
        assertThat(refused.stderr()).contains("slipway.yaml:14: env.API_KEY.secret: a secret value may not be pushed"
                + " with git: the app's git repository would keep it unencrypted; set it with PUT"
                + " /api/v1/apps/git-secret/secrets/API_KEY {\"value\": \"...\"}", "write API_KEY: { secret: true }")
                .doesNotContain("pushed-s3cr3t");
        assertThat(platform.get("/api/v1/apps/git-secret").status()).as("nothing was created").isEqualTo(404);

        assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"git-secret\"}").status()).isEqualTo(201);
        assertThat(platform.send(HttpRequest.newBuilder(URI.create(platform.url("/api/v1/apps/git-secret/secrets/API_KEY")))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"value\": \"set-by-api\"}"))).status()).isEqualTo(200);
        Files.writeString(repo.resolve("slipway.yaml"), Files.readString(repo.resolve("slipway.yaml"))
                .replace("{ secret: \"pushed-s3cr3t\" }", "{ secret: true }"));
        git.ok(repo, "commit", "-q", "-am", "secret stored on the platform");
        GitClient.Result pushed = git.run(repo, "push", remote(), "main");
        assertThat(pushed.exit()).as(pushed.toString()).isZero();
        assertThat(JSON.readTree(platform.get("/api/v1/apps/git-secret").body()).path("currentRelease").asInt())
                .isEqualTo(1);
    }

    static String remote() {
        return platform.url("/git/git-secret.git");
    }
}
