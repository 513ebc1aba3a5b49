package io.slipway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first deploy, run as written (real tar and curl, from the repository root)
 * against a real platform on whichever backend this machine offers: it stays true.
 */
class ReadmeWalkthroughTests {

    @Test
    void firstDeployWalkthroughWorksAsWritten(@TempDir Path dataDir) throws Exception {
        List<String> commands = commands("first-deploy");
        assertThat(commands).hasSize(4);
        // as on a first start: no configured admin password, so the platform makes one and writes it down
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "auto", "--slipway.security.admin-password=")) {
            String signIn = commands.get(0).replace("slipway-data/", dataDir + "/");
            assertThat(run(signIn + "; echo \"token: $SLIPWAY_TOKEN\"", platform.port())).containsPattern("token: swt_\\S{43}");
            String deployOutput = run(signIn + "; " + commands.get(1), platform.port());
            assertThat(deployOutput).contains("release v1 of 'iris' is live");
            String inferOutput = run(commands.get(2), platform.port());
            assertThat(inferOutput).contains("\"model_name\":\"iris\"").contains("\"probabilities\"");
            String describeOutput = run(signIn + "; " + commands.get(3), platform.port());
            assertThat(describeOutput).contains("\"status\":\"running\"").contains("\"owner\":\"admin\"");
            assertThat(run(commands.get(3), platform.port(), 22)).contains("\"status\":401");
            platform.delete("/api/v1/apps/iris");
        }
    }

    @Test
    void secretsExampleWorksAsWritten(@TempDir Path dataDir) throws Exception {
        List<String> commands = commands("secrets");
        assertThat(commands).hasSize(3);
        try (PlatformHarness platform = PlatformHarness.start(dataDir, "process")) {
            assertThat(platform.postJson("/api/v1/apps", "{\"name\": \"iris\"}").status()).isEqualTo(201);
            String token = "SLIPWAY_TOKEN=" + platform.adminToken() + "; ";
            assertThat(run(token + commands.get(0), platform.port())).contains("\"name\":\"API_KEY\"")
                    .doesNotContain("s3cr3t");
            assertThat(run(token + commands.get(1), platform.port())).contains("\"name\":\"API_KEY\"")
                    .doesNotContain("s3cr3t");
            run(token + commands.get(2), platform.port());
            assertThat(platform.get("/api/v1/apps/iris/secrets").body()).isEqualTo("[]");
            platform.delete("/api/v1/apps/iris");
        }
    }

    private static String run(String command, int port) throws Exception {
        return run(command, port, 0);
    }

    private static String run(String command, int port, int exit) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + command.replace("localhost:8080", "127.0.0.1:" + port))
                .directory(PlatformHarness.repository().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isEqualTo(exit);
        return output;
    }

    /** The commands of the README block marked {@code <!-- readme-example: NAME -->}. */
    static List<String> commands(String name) throws Exception {
        String readme = Files.readString(PlatformHarness.repository().resolve("README.md"));
        int marker = readme.indexOf("<!-- readme-example: " + name + " -->");
        assertThat(marker).as("README example " + name).isNotNegative();
        int start = readme.indexOf("```sh\n", marker) + 6;
        String block = readme.substring(start, readme.indexOf("```", start));
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }
}
