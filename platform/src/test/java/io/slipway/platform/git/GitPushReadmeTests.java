package io.slipway.platform.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.platform.PlatformHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Deploy with git push", run as written (real cp and git) against a real platform. */
class GitPushReadmeTests {

    @Test
    void gitPushWalkthroughWorksAsWritten(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        List<String> commands = commands("git-push");
        assertThat(commands).hasSize(2);
        GitClient git = new GitClient(work.resolve("home"));
        Path iris = work.resolve("iris");
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "process")) {
            git.bash(PlatformHarness.repository(), commands.get(0).replace("/tmp/iris", iris.toString()));
            GitClient.Result push = git.bash(PlatformHarness.repository(),
                    commands.get(1).replace("/tmp/iris", iris.toString()).replace("localhost:8080", "127.0.0.1:" + platform.port())
                            .replace("$SLIPWAY_TOKEN", platform.adminToken()));
            assertThat(push.stderr()).contains("remote: =====> released v1 of 'iris'",
                    "endpoint: " + platform.url("/apps/iris/v2/models/iris/infer"));
            assertThat(platform.get("/api/v1/apps/iris").body()).contains("\"status\":\"running\"");
            platform.delete("/api/v1/apps/iris");
        }
    }

    /** The commands of the README block marked {@code <!-- readme-example: NAME -->}, one a line. */
    static List<String> commands(String name) throws Exception {
        String readme = Files.readString(PlatformHarness.repository().resolve("README.md"));
        int marker = readme.indexOf("<!-- readme-example: " + name + " -->");
        assertThat(marker).as("README example " + name).isNotNegative();
        int start = readme.indexOf("```sh\n", marker) + 6;
        List<String> commands = new ArrayList<>();
        for (String line : readme.substring(start, readme.indexOf("```", start)).split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                commands.add(line.strip());
            }
        }
        return commands;
    }
}
