package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.platform.PlatformHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seam for tokens: a {@link GitAccess} bean replaces the anonymous default, sees the basic-auth
 * credentials git sends, and the user it answers is recorded on the release a push makes.
 */
class GitAccessTests {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path work;

    static PlatformHarness platform;

    /** Alice pushes with her token; anyone may read. */
    @Configuration(proxyBeanMethods = false)
    static class TokenAccess {

        @Bean
        GitAccess gitAccess() {
            return (credentials, app, service) -> {
                if (!service.writes()) {
                    return "anonymous";
                }
                if (credentials.password().isEmpty()) {
                    throw new GitAccessDeniedException("a token is needed to push", true);
                }
                if (!credentials.password().get().equals("s3cret")) {
                    throw new GitAccessDeniedException("this token may not push to " + app, false);
                }
                return credentials.username().orElse("token");
            };
        }
    }

    @BeforeAll
    static void start() {
        platform = PlatformHarness.startWith(new Class<?>[] {TokenAccess.class}, dataDir, "process");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.delete("/api/v1/apps/git-echo");
            platform.close();
        }
    }

    @Test
    void pushesGoThroughGitAccessWithTheirCredentials() throws Exception {
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
        PlatformHarness.Answer challenge = platform.get("/git/git-echo.git/info/refs?service=git-receive-pack");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Slipway\"");

        GitClient.Result wrong = git.run(repo, "push", url.replace("http://", "http://alice:wrong@"), "main");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.stderr()).contains("403");
        PlatformHarness.Answer forbidden = platform.send(HttpRequest.newBuilder(
                URI.create(url + "/info/refs?service=git-receive-pack")).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("alice:wrong".getBytes())).GET());
        assertThat(forbidden.status()).isEqualTo(403);

        GitClient.Result alice = git.run(repo, "push", url.replace("http://", "http://alice:s3cret@"), "main");
        assertThat(alice.exit()).as(alice.toString()).isZero();
        assertThat(alice.stderr()).contains("remote: =====> released v1 of 'git-echo'");
        String releases = platform.get("/api/v1/apps/git-echo/releases").body();
        assertThat(new ObjectMapper().readTree(releases).get(0).path("createdBy").asText()).isEqualTo("alice");

        // reading needs no token here
        git.ok(work, "clone", "-q", url, work.resolve("clone").toString());
        assertThat(work.resolve("clone/slipway.yaml")).hasSameTextualContentAs(bundle.resolve("slipway.yaml"));
    }
}
