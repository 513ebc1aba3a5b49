package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * git signs in with personal API tokens as the basic-auth password: anonymous and wrong tokens are
 * asked to sign in, a member pushes a new app that becomes its own (recorded as the member on the
 * release), and another member can neither read nor push it.
 */
class GitAccessTests {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;

    @BeforeAll
    static void start() {
        platform = PlatformHarness.start(dataDir, "process");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/git-echo");
            platform.close();
        }
    }

    @Test
    void pushesAndReadsNeedTheOwnersToken() throws Exception {
        String alice = platform.createUser("alice", "member");
        String mallory = platform.createUser("mallory", "member");
        GitClient git = new GitClient(work.resolve("home"));
        Path bundle = Files.createDirectories(work.resolve("bundle"));
        Files.writeString(bundle.resolve("slipway.yaml"), """
                name: git-echo
                model:
                  format: echo
                  inputs: [ { name: x, datatype: FP32, shape: [-1, 2] } ]
                """);
        Path repo = git.commitOf(bundle, work.resolve("repo"));
        String url = platform.url("/git/git-echo.git");

        GitClient.Result anonymous = git.run(repo, "push", url, "main");
        assertThat(anonymous.exit()).isNotZero();
        assertThat(anonymous.stderr()).contains("could not read Username");
        PlatformHarness.Answer challenge = platform.getAs(null, "/git/git-echo.git/info/refs?service=git-receive-pack");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Slipway\"");

        GitClient.Result wrong = git.run(repo, "push", url.replace("http://", "http://alice:swt_wrong@"), "main");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.stderr()).contains("Authentication failed");
        GitClient.Result password = git.run(repo, "push", url.replace("http://", "http://alice:alice-password-123@"),
                "main");
        assertThat(password.exit()).as("a password is not a token").isNotZero();

        GitClient.Result pushed = git.run(repo, "push", url.replace("http://", "http://alice:" + alice + "@"), "main");
        assertThat(pushed.exit()).as(pushed.toString()).isZero();
        assertThat(pushed.stderr()).contains("remote: =====> released v1 of 'git-echo'");
        JsonNode releases = new ObjectMapper().readTree(platform.get("/api/v1/apps/git-echo/releases").body());
        assertThat(releases.get(0).path("createdBy").asText()).isEqualTo("alice");
        assertThat(new ObjectMapper().readTree(platform.get("/api/v1/apps/git-echo").body()).path("owner").asText())
                .isEqualTo("alice");

        String asMallory = url.replace("http://", "http://mallory:" + mallory + "@");
        GitClient.Result stolen = git.run(work, "clone", "-q", asMallory, work.resolve("stolen").toString());
        assertThat(stolen.exit()).isNotZero();
        assertThat(stolen.stderr()).contains("403");
        assertThat(work.resolve("stolen/slipway.yaml")).doesNotExist();
        GitClient.Result overwrite = git.run(repo, "push", "--force", asMallory, "main");
        assertThat(overwrite.exit()).isNotZero();

        git.ok(work, "clone", "-q", url.replace("http://", "http://alice:" + alice + "@"), work.resolve("clone").toString());
        assertThat(work.resolve("clone/slipway.yaml")).hasSameTextualContentAs(bundle.resolve("slipway.yaml"));
        assertThat(platform.getAs(alice, "/api/v1/apps/git-echo/releases").body()).contains("\"number\":1");
        assertThat(platform.getAs(mallory, "/api/v1/apps/git-echo/releases").status()).isEqualTo(404);
    }
}
